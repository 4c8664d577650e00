# keys: ?7<Space><CR>u<Down>1g7j
# size: 123x33
# An endless loop left with break: find the first power of 3 above a million.
n = 1
k = 0
while True:
    if n > 1000000:
        break
    n = n * 3
    k = k + 1
    print(k, n)
