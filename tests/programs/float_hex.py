# float.hex and float.fromhex.
for x in [1.5, -0.1, 3.14159, 0.0, -0.0, 1.0, 2.0, 0.5, 1e300, 5e-324, 2.2250738585072014e-308,
          2.225073858507201e-308, float('inf'), float('-inf'), float('nan'), 1.7976931348623157e308]:
    print(repr(x), x.hex())
for s in ['0x1.8p1', '0x1p-1074', '-0x1p-1074', '0x1.ffffp10', '0X1.FFFFP10', '1', 'a', '.8', '8.',
          '0x.8', '  0x1p0  ', '+0x1p3', '-0x0p0', 'inf', '-Infinity', 'nan', '-NaN', '0x1p1023',
          '0x1.fffffffffffffp1023', '0x1p-1075', '0x1.8p-1074', '0x3p-1076', '0x1.00000000000008p0',
          '0x1.00000000000018p0', '0x1.000000000000080001p0', '0x0.0000000000001p-1022', '1p', 'p1'
          ]:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print(float.fromhex((0.1).hex()) == 0.1)
print(all(float.fromhex(v.hex()) == v for v in [1/3, 2/3, 1e-310, 123.456, -7.25]))
print((12.0).hex(), float.hex(-2.5))
