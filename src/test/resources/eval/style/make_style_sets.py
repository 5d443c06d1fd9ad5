#!/usr/bin/env python3
"""Writes style-train/dev/test.jsonl: members' ways of writing, applied to the project's own clean questions
(extra.jsonl) plus hand-written English, Norwegian, colloquial and two-part questions. Each clean question
belongs to one split only (by a hash of its id), so no split sees another's questions in a different style.
Deterministic: re-running gives the same files. Written before any tuning; style-test is not looked at."""
import hashlib, json, random, sys
from pathlib import Path

here = Path(__file__).resolve().parent
eval_dir = here.parent
base = [json.loads(l) for l in (eval_dir / "extra.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
hand = [json.loads(l) for l in (here / "hand-written.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]

def split_of(key):
    h = int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3
    return ["train", "dev", "test"][h]

FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae"})
GREET_SV = [("Hej! ", " Tack!"), ("Hejsan, ", " Mvh Anna"), ("Hallå 😊 ", " Tack på förhand! /Johan"),
            ("God morgon! Jag är medlem i Kommunal. ", " Tack så mycket 🙏"), ("Hej hej! ", "\nMed vänliga hälsningar\nKarin")]
GREET_NO = [("Hei! ", " Takk!"), ("Hallo, ", " Mvh Ola"), ("Hei 😊 Jeg er medlem i Fellesforbundet. ", " Tusen takk!")]
CHATTY_SV = ["Jag har funderat på en sak ett tag nu och mina kollegor på jobbet vet inte heller, så jag tänkte att jag frågar här istället. {q} Vore jättebra att få veta innan nästa möte.",
             "Hej! Jag är ganska ny i facket och har precis börjat engagera mig lite mer. Det är mycket att sätta sig in i och ibland känns det rörigt. {q} Tack för att ni finns!"]
CHATTY_NO = ["Hei! Jeg er ganske ny som tillitsvalgt og prøver å sette meg inn i ting. Kollegaene mine vet ikke helt heller. {q} Takk for hjelpen!"]

def typo(q, rnd):
    words = q.split(" ")
    cand = [i for i, w in enumerate(words) if len(w.strip("?,.!")) >= 6 and not w[:1].isupper()]
    if not cand:
        cand = [i for i, w in enumerate(words) if len(w.strip("?,.!")) >= 6]
    if not cand:
        return None
    i = rnd.choice(cand)
    w = words[i]
    core = w.rstrip("?,.!"); tail = w[len(core):]
    j = rnd.randrange(1, len(core) - 1)
    kind = rnd.choice(["drop", "swap", "double"])
    if kind == "drop":
        core = core[:j] + core[j + 1:]
    elif kind == "swap":
        core = core[:j] + core[j + 1] + core[j] + core[j + 2:]
    else:
        core = core[:j] + core[j] + core[j:]
    words[i] = core + tail
    return " ".join(words)

STOP = {"vad", "vem", "hur", "är", "det", "en", "ett", "i", "för", "av", "som", "har", "ska", "finns", "hva", "er", "de", "til", "den", "på", "med", "om"}
def short(q):
    ws = [w.strip("?,.!").lower() for w in q.split()]
    return " ".join(w for w in ws if w and w not in STOP) + "?"

out = {"train": [], "dev": [], "test": []}
for case in base:
    if "turns" in case or case.get("lang") == "en":
        continue
    q = case["question"]
    if any(w in q.lower() for w in ("ignorera", "ignore")):
        continue
    rnd = random.Random(case["id"])
    split = split_of(case["id"])
    no = case["lang"] == "no"
    variants = []
    folded = q.translate(FOLD)
    if folded != q:
        variants.append(("no-diacritics", folded.lower() if rnd.random() < 0.5 else folded))
    t = typo(q, rnd)
    if t:
        variants.append(("typo", t))
    g = rnd.choice(GREET_NO if no else GREET_SV)
    variants.append(("greeting", g[0] + q + g[1]))
    if case.get("answerable", True):
        variants.append(("chatty-long", rnd.choice(CHATTY_NO if no else CHATTY_SV).format(q=q)))
        variants.append(("lowercase-short", short(q)))
    # two styles of each clean question, varied by its id; unanswerable ones: one, to check they stay declined
    rnd.shuffle(variants)
    for style, text in variants[: 2 if case.get("answerable", True) else 1]:
        item = {k: v for k, v in case.items() if k not in ("question", "turns")}
        item["id"] = case["id"] + "-" + style
        item["question"] = text
        item["style"] = style
        out[split].append(item)
for case in hand:
    out[case.pop("split")].append(case)
for split, items in out.items():
    path = eval_dir / f"style-{split}.jsonl"
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
    print(split, len(items), file=sys.stderr)
