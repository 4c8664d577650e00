grid = {'row1': [1, 2], 'row2': {'inner': (3, 4)}}
print(grid)
grid['row1'].append(5)
grid['row2']['inner2'] = []
print(grid)
print(grid['row2']['inner'][1])
empty = dict()
empty['a'] = dict()
print(empty, len(empty['a']))
