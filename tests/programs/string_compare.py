# Strings compare by content, in code point order.
a = "apple"
b = "app" + "le"
print(a == b, a is b)
print(a != "Apple")
print("a" < "b", "Z" < "a", "abc" < "abcd", "" < "a")
print("10" < "9")
first = "x"
second = "y"
print(first + second == "xy")
print(len(a + b))
