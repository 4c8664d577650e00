# Zero padding with the alternate form: the padding goes after the prefix.
print(format(255, "#010x"), "%#010x" % 255, f"{5:#010b}", f"{-5:#010b}", f"{255:#x}", f"{255:>#10x}|", f"{255:<#10X}|", f"{255:^#10o}|", f"{255:#010_x}", f"{-255:+#012,d}", "%#o" % 8, "%-#8x|" % 255, "%#8X" % 255, "%08x" % 255, "%#08x" % -255)
