# input() reads a line from standard input; the prompt goes to stdout.
name = input("name? ")
count = int(input())
for i in range(count):
    print(i, name)
try:
    input()
except EOFError as error:
    print("EOFError", repr(str(error)))
