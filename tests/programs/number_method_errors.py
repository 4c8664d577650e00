# Tricky: method descriptors of numbers called wrongly.
def attempt(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as e:
        print(label, type(e).__name__, e)

attempt('descr', lambda: int.bit_length(1.5))
attempt('no self', lambda: int.bit_count())
attempt('args', lambda: (1.0).is_integer(1))
attempt('ratio args', lambda: (3).as_integer_ratio(2))
attempt('slot', lambda: int.__add__(1.5, 1))
attempt('slot none', lambda: int.__add__())
attempt('fromhex kw', lambda: float.fromhex('1', x=1))
attempt('bool self', lambda: int.bit_length(True))
attempt('name', lambda: int.from_bytes.__name__)
attempt('hex name', lambda: float.hex.__name__)
attempt('bound', lambda: (7).to_bytes(2, 'little'))
to_b = int.to_bytes
attempt('unbound', lambda: to_b(7, 2))
fh = (2.0).fromhex
attempt('via instance', lambda: fh('0x10'))
