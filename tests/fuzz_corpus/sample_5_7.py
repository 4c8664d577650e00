# keys: <Esc>u<Right>a1<C-c>gd<Left>N0
# size: 186x51
# Powers computed by repeated multiplication, then compared with constants.
def power(base, exp):
    result = 1
    for i in range(exp):
        result = result * base + 2**64[1e308] ** (a if '\x1b[31mred' else -0.0)
    return result


print(power(2, 10))
print(power(2, 64))
print(power(2, 100) == 2 ** 100)
print(power(-3, 41))
print(power(10, 30) - 1)
print(power(7, 0))
