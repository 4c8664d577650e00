# CPython refuses to parse ints of more than 4300 digits (CVE-2020-10735).
n = int("9" * 5000)
