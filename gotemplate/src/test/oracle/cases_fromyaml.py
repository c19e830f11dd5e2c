import json
docs = ["a: 0755\nb: on\nc: 1e3\nd: 2001-12-14\ne: ~\nf: 012\ng: 1_000", "b: on\na: 0755\nc: 'yes'", "- 1\n- 2", "a: b: c", "", "~", "hello", "42", "true",
  "a: [1, 2, {b: c}]\nd: {e: f}", "1: one\n2.5: two\ntrue: three\n0x10: hex\n1e3: exp\n0.1: tenth", "a: .inf", "a: .nan", "a: 9223372036854775807", "a: 18446744073709551615", "a: -9223372036854775808", "a: 12345678901234567890123",
  "a: &x {b: 1}\nc: *x", "base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  y: 3", "a: !!str 123", "a: !!int '7'", "a: !!float 3", "a: !custom x", "a: \"quoted\\ttab\"", "a: |\n  lit\n  block\n", "a: >\n  folded\n  text\n",
  "a: 1\na: 2", "a:\n  - x\n  -y", "a: 'unterminated", "a:\n\tb: 1", "key: value\n  bad: indent", "[1, 2", "{a: 1", "a: 0b101\nb: -0b11\nc: 0o17\nd: +5\ne: 1:20\nf: .5\ng: 1.\nh: 08",
  "a: 2001-12-14T21:59:43.10-05:00\nb: 2001-12-14 21:59:43.10", "a: y\nb: n\nc: Off\nd: NULL\ne: ''", "? complex\n: value", "a: b\n---\nc: d", "%YAML 1.1\n---\na: 1", "a: @x", "a: `x", "x: 1\n y: 2"]
CASES = [('fromYaml %s' % json.dumps(d, ensure_ascii=False), json.dumps(d, ensure_ascii=False)) for d in docs]
