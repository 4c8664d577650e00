class DataDesc:
    def __get__(self, obj, objtype=None):
        return 'data descriptor'

    def __set__(self, obj, value):
        print('data set', value)

class NonData:
    def __get__(self, obj, objtype=None):
        return 'non-data descriptor'

class SetOnly:
    def __set__(self, obj, value):
        print('set only', value)

class C:
    d = DataDesc()
    n = NonData()
    s = SetOnly()

c = C()
c.__dict__['d'] = 'instance d'
c.__dict__['n'] = 'instance n'
print(c.d)
print(c.n)
c.d = 1
c.n = 2
print(c.n)
print(type(c.s).__name__)
c.s = 3
c.__dict__['s'] = 'instance s'
print(c.s)
del c.n
print(c.n)

class Deleter:
    def __get__(self, obj, objtype=None):
        return 'got'

    def __delete__(self, obj):
        print('deleting')

class D:
    x = Deleter()

d = D()
d.__dict__['x'] = 'shadow'
print(d.x)
del d.x
try:
    d.x = 5
except AttributeError as e:
    print("AttributeError:", e)
