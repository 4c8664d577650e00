# Every __future__ feature imports (all are on in 3.14 but annotations).
from __future__ import generator_stop, division
from __future__ import nested_scopes, print_function
import __future__ as future

print(division)
print(generator_stop.getMandatoryRelease() < (3, 14))
print(future.annotations.compiler_flag == future.CO_FUTURE_ANNOTATIONS)
for name in future.all_feature_names:
    feature = getattr(future, name)
    print(name, feature.optional, feature.mandatory)
print(7 / 2, 7 // 2)
print(future.nested_scopes is nested_scopes)

def gen():
    yield 1
    raise StopIteration

try:
    list(gen())
except RuntimeError as e:
    print('RuntimeError', e)
