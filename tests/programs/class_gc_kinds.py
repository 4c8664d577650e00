# What gc.collect() counts when classes of other kinds are deleted:
# exception classes, subclasses of built-in types, classes with
# properties, static and class methods, and nested classes.
import gc

gc.collect()


class Problem(Exception):
    pass


del Problem
print("exception class", gc.collect())


class Stack(list):
    def peek(self):
        return self[-1]


del Stack
print("list subclass", gc.collect())


class Number(int):
    pass


del Number
print("int subclass", gc.collect())


class Props:
    @property
    def value(self):
        return 1

    @staticmethod
    def make():
        return Props()

    @classmethod
    def build(cls):
        return cls()


del Props
print("property, staticmethod, classmethod", gc.collect())


class Outer:
    class Inner:
        pass


del Outer
print("nested", gc.collect())


class Caught(Exception):
    pass


try:
    raise Caught("boom")
except Caught as e:
    print("caught", e)
del Caught
print("raised and caught", gc.collect())
