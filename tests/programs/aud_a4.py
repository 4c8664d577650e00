grades = {"alice": [90, 85, 77], "bob": [60, 75], "carol": [88, 92, 95, 100], "dave": []}
def average(xs):
    return sum(xs) / len(xs) if xs else None
report = {name: average(g) for name, g in grades.items()}
print(report)
ranked = sorted((v, k) for k, v in report.items() if v is not None)
print(ranked[::-1])
best = max(report, key=lambda k: report[k] or 0)
print(best, f"{report[best]:.1f}")
letter = lambda avg: "A" if avg >= 90 else "B" if avg >= 80 else "C" if avg >= 70 else "F"
for name, avg in report.items():
    print(f"{name:<6} {'-' if avg is None else letter(avg)} {avg if avg is None else round(avg, 1)}")
all_scores = [s for g in grades.values() for s in g]
print(len(all_scores), sorted(set(s // 10 * 10 for s in all_scores)))
hist = {}
for s in all_scores:
    hist[s // 10] = hist.get(s // 10, 0) + 1
for k in sorted(hist):
    print(f"{k*10:3d}-{k*10+9:3d}: {'*' * hist[k]}")
print(dict(zip("abc", range(3))), list(enumerate("xy", 1)), any(v is None for v in report.values()))
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(" ".join(w.capitalize() for w in words[:4]), words.count("the"), "fox" in words)
