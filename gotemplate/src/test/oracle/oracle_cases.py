"""Runs template snippets through the Go oracle and prints JUnit rows with Go's actual output.

Each case is (template expression, Java arguments). The expression is rendered alone as
{{ EXPR }}; a failing render yields "ERR: <message after 'error calling NAME: '>".
Usage: python3 oracle_cases.py CASEFILE > rows.txt   (CASEFILE defines CASES = [...])
"""
import json, os, subprocess, sys, tempfile

ORACLE = os.environ.get("GOTEMPLATE_ORACLE", os.path.expanduser("~/.cache/kubelauncher/gotemplate-oracle"))
DATA = {"name": "web", "nums": [1, 2.5, 1000000], "tags": ["x", "y"], "zero": 0, "one": 1, "half": 0.5,
        "str3": "3", "nothing": None, "yes": True, "emptyList": [], "emptyMap": {},
        "m": {"a": 1, "b": {"c": "d"}}, "big": 12345678901234567890, "port": 8080}


def render(expr):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "main.tpl"), "w") as f:
            f.write("{{ " + expr + " }}")
        with open(os.path.join(d, "data.json"), "w") as f:
            json.dump(DATA, f)
        p = subprocess.run([ORACLE, d, "main.tpl", os.path.join(d, "data.json")], capture_output=True, text=True)
        if p.returncode == 0:
            return p.stdout
        err = p.stderr.rstrip("\n")
        i = err.find("error calling ")
        if i < 0:
            return "ERR!: " + err
        j = err.find(": ", i)
        return "ERR: " + err[j + 2:]


def jstr(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    ns = {}
    exec(open(sys.argv[1]).read(), ns)
    rows = []
    for expr, java in ns["CASES"]:
        name = expr.split()[0]
        out = render(expr)
        rows.append("            row(%s, %s, %s%s)" % (jstr(out), jstr(expr), jstr(name), (", " + java) if java else ""))
    print(",\n".join(rows))


main()
