# bytes are values; a bytearray is one object shared by its names.
data = b'hi'
buf = bytearray(data)
alias = buf
alias.append(33)
print(data, buf)
