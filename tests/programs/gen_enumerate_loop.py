# enumerate() over a generator in a for loop, and a break in the middle.
def letters(text):
    for ch in text:
        print("yield", ch)
        yield ch


for index, ch in enumerate(letters("abc")):
    print(index, ch)
for index, ch in enumerate(letters("xyz"), 10):
    if index == 11:
        break
    print(index, ch)
e = enumerate(letters("pq"))
for pair in e:
    print(pair)
print("done")
