def attempt(label, f):
    try:
        r = f()
        print(label, repr(r), repr(ba))
    except Exception as e:
        print(label, type(e).__name__ + ':', e, repr(ba))

ba = bytearray(b'hello')
attempt('append', lambda: ba.append(33))
attempt('extend', lambda: ba.extend(b' you'))
attempt('extend list', lambda: ba.extend([46, 46]))
attempt('pop', lambda: ba.pop())
attempt('pop 0', lambda: ba.pop(0))
attempt('pop -2', lambda: ba.pop(-2))
attempt('insert', lambda: ba.insert(0, 72))
attempt('insert end', lambda: ba.insert(100, 63))
attempt('insert neg', lambda: ba.insert(-100, 60))
attempt('remove', lambda: ba.remove(60))
attempt('reverse', lambda: ba.reverse())
attempt('reverse back', lambda: ba.reverse())
attempt('copy', lambda: ba.copy())
attempt('append big', lambda: ba.append(256))
attempt('append str', lambda: ba.append('x'))
attempt('remove missing', lambda: ba.remove(0))
attempt('pop far', lambda: ba.pop(99))
attempt('extend str', lambda: ba.extend('abc'))
attempt('extend int', lambda: ba.extend(5))

def setitem(i, v):
    ba[i] = v
def delitem(i):
    del ba[i]

attempt('set 0', lambda: setitem(0, 104))
attempt('set -1', lambda: setitem(-1, 63))
attempt('set slice', lambda: setitem(slice(1, 3), b'EE'))
attempt('set grow', lambda: setitem(slice(0, 1), b'HHH'))
attempt('set shrink', lambda: setitem(slice(0, 3), b''))
attempt('set list', lambda: setitem(slice(0, 0), [65, 66]))
attempt('set ext', lambda: setitem(slice(0, 4, 2), b'xy'))
attempt('set ext bad', lambda: setitem(slice(0, 4, 2), b'xyz'))
attempt('set int', lambda: setitem(slice(0, 2), 5))
attempt('set str', lambda: setitem(slice(0, 2), 'no'))
attempt('set range', lambda: setitem(0, 300))
attempt('set far', lambda: setitem(50, 1))
attempt('set key', lambda: setitem('k', 1))
attempt('del 0', lambda: delitem(0))
attempt('del -1', lambda: delitem(-1))
attempt('del slice', lambda: delitem(slice(1, 3)))
attempt('del ext', lambda: delitem(slice(None, None, 2)))
attempt('del far', lambda: delitem(40))
attempt('clear', lambda: ba.clear())
attempt('pop empty', lambda: ba.pop())
ba[:] = b'again'
ba[5:2] = b'!'
print(ba)
ba[-1:] = bytearray(b'?')
ba[len(ba):] = b'..'
print(ba)
del ba[::-3]
print(ba)
b = b'immutable'
try:
    b[0] = 1
except TypeError as e:
    print('TypeError:', e)
try:
    del b[0]
except TypeError as e:
    print('TypeError:', e)
try:
    b.append(1)
except AttributeError as e:
    print('AttributeError:', e)
q = bytearray(b'abcdef')
q[::2] = b''
print(q)
q[::-1] = bytearray()
print(q)
try:
    q.pop(None)
except TypeError as e:
    print('TypeError:', e)
