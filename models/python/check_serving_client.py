"""A TF Serving REST client as TF Serving's users write it (urllib + json, no TensorFlow), for
tfbridge's serving tests: posts each request of a JSON file to a running `tfbridge serve` and
prints each answer's JSON on one line.

Usage: python check_serving_client.py URL_BASE REQUESTS.json
REQUESTS.json: [{"path": "/v1/models/iris:predict", "body": {...}}, ...]
"""
import json
import sys
import urllib.error
import urllib.request


def call(base, path, body):
    data = json.dumps(body).encode("utf-8") if body is not None else None
    req = urllib.request.Request(base + path, data=data,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return {"status": resp.status, "body": json.loads(resp.read())}
    except urllib.error.HTTPError as e:
        return {"status": e.code, "body": json.loads(e.read())}


def main():
    base, requests_file = sys.argv[1], sys.argv[2]
    with open(requests_file, encoding="utf-8") as f:
        requests = json.load(f)
    for r in requests:
        print(json.dumps(call(base, r["path"], r.get("body"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
