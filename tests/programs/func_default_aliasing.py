# Tricky: the default list is made once, when def runs, and shared by calls.
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket


first = append_to(1)
second = append_to(2)
print(first, second, first is second)


def safer(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(safer(1), safer(2))
