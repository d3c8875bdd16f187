#!/usr/bin/python3
"""Seeds a VoxDose audit database (SQLite, schema already migrated) with N studies and their console index rows."""
import random
import sqlite3
import sys

db, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(17)
families = ["SMITH", "MUELLER", "ROSSI", "MARTIN", "GARCIA", "NOVAK", "DUBOIS", "JANSEN", "KOWALSKI", "SILVA"]
givens = ["ANNA", "PAUL", "MARIA", "JAN", "LEA", "TOM", "EVA", "LUCA", "NINA", "OMAR"]
states = ["exported"] * 8 + ["failed", "reported", "received", "ignored", "notexported"]
con = sqlite3.connect(db)
studies, index = [], []
for i in range(n):
    uid = f"2.25.{1000000 + i}"
    t = f"2026-{1 + i % 11:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}.{i % 1000:03d}Z"
    studies.append((uid, rng.choice(states), 1, t, t, t))
    name = f"{rng.choice(families)}^{rng.choice(givens)}"
    index.append((uid, f"PID{i:06d}", name, name.replace("^", " "), f"ACC{i:07d}", f"2026{1 + i % 11:02d}{1 + i % 28:02d}", "Y-90 PET"))
con.executemany("INSERT INTO studies (study_uid, state, revision, first_received_at, last_received_at, state_changed_at) VALUES (?,?,?,?,?,?)", studies)
con.executemany("INSERT INTO console_study_index VALUES (?,?,?,?,?,?,?)", index)
con.commit()
print(f"seeded {n} studies into {db}")
