# gc.get_referrers names the containers that hold an object.
import gc

target = [1, 2]
holder = [target]
box = {"t": target}
refs = gc.get_referrers(target)
print(len([r for r in refs if r is holder]), len([r for r in refs if r is box]))
print(gc.isenabled())
