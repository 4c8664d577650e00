# Carets under wide characters take two columns each.
名前 = {"キー": 1}
print(名前["キー"])
print(名前["ない"] + 1)
