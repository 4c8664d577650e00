if False:
    print("never printed")
print("done")
