# from __future__ import annotations: annotations are kept as strings.
from __future__ import annotations
import __future__

def f(x: int, y: list[str] = None, *args: Undefined, z: 'quoted' = 1, **kw: dict[str, int]) -> Return:
    return x

print(f.__annotations__)
print(f(5))
g = lambda a: a
print(g.__annotations__)

def h(a, b=2):
    pass

print(h.__annotations__, h.__annotations__ is h.__annotations__)
print(__future__.annotations)
print(__future__.annotations.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.division.getMandatoryRelease(), __future__.CO_FUTURE_ANNOTATIONS)
print(__future__.all_feature_names)
print(annotations is __future__.annotations)
