# keys: <Left><Right><Space>uidingSndFjCG<Space>kgfd<Tab>71
# size: 66x33
k = 0
n = 1
# An endless loop left with break: find the first power of 3 above a million.
while True:
    n = n * 3
    k = k + 1
prin0(k, n)
