def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)

text = 'naïve €uro'
attempt('utf8', lambda: text.encode())
attempt('utf8 kw', lambda: text.encode(encoding='UTF-8'))
attempt('roundtrip', lambda: text.encode().decode() == text)
attempt('ascii', lambda: text.encode('ascii'))
attempt('ascii replace', lambda: text.encode('ascii', 'replace'))
attempt('ascii ignore', lambda: text.encode('ascii', errors='ignore'))
attempt('latin1', lambda: text.encode('latin-1'))
attempt('latin1 ok', lambda: 'naïve'.encode('latin1'))
attempt('two bad', lambda: 'aéé'.encode('ascii'))
attempt('bad handler', lambda: 'é'.encode('ascii', 'nope'))
attempt('handler unused', lambda: 'e'.encode('ascii', 'nope'))
attempt('unknown', lambda: 'x'.encode('klingon'))
attempt('rot13', lambda: 'x'.encode('rot13'))
attempt('decode', lambda: b'caf\xc3\xa9'.decode())
attempt('decode latin', lambda: b'caf\xe9'.decode('latin-1'))
attempt('bad start', lambda: b'ab\xffcd'.decode())
attempt('bad cont', lambda: b'a\xc3(b'.decode('utf-8'))
attempt('truncated', lambda: b'a\xe2\x82'.decode())
attempt('truncated 1', lambda: b'\xc3'.decode())
attempt('replace', lambda: b'a\xff\xfeb\xe2\x82'.decode('utf-8', 'replace'))
attempt('ignore', lambda: b'a\xffb'.decode(errors='ignore'))
attempt('ascii dec', lambda: b'ok\x80'.decode('ascii'))
attempt('ascii dec replace', lambda: b'ok\x80\x81'.decode('ascii', 'replace'))
attempt('ba decode', lambda: bytearray('ü', 'utf-8').decode())
attempt('surrogate', lambda: b'\xed\xa0\x80'.decode())
attempt('four', lambda: '😀'.encode())
attempt('four back', lambda: b'\xf0\x9f\x98\x80'.decode())
try:
    b'\xff'.decode()
except UnicodeError as e:
    print('caught as UnicodeError:', type(e).__name__, isinstance(e, ValueError))
try:
    'é'.encode('ascii')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__)
