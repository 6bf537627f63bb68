#!/usr/bin/env python3
"""Records the seed corpus of the fuzz targets from real traffic.

Starts imagecache-emulator (demo data) behind a loopback recording proxy, runs the imagecache
CLI through it (lists, shows, images, layers, a create and delete of each cloud, errors), and
writes every request and response in the targets' input format (tests/fuzz/fuzzinput.h) into
tests/fuzz/corpus/<target>/. Usage: tests/fuzz/capture-seeds.py BUILD_DIR
Everything runs on 127.0.0.1 and is stopped at the end.
"""
import hashlib
import json
import os
import socket
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../build/dev"))
CORPUS = os.path.join(HERE, "corpus")
EMULATOR = os.path.join(BUILD, "emulator/imagecache-emulator")
CLI = os.path.join(BUILD, "app/cli/imagecache")

# The emulator's public demo credentials (emulator::demo in emulator/emulator.h).
HUAWEI = {"HUAWEICLOUD_SDK_AK": "EMULATORHUAWEIAK0001",
          "HUAWEICLOUD_SDK_SK": "emulator-huawei-secret-key-0001",
          "HUAWEICLOUD_SDK_PROJECT_ID": "0123456789abcdef0123456789abcdef"}
ALIBABA = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "EMULATORALIBABAAK01",
           "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "emulator-alibaba-secret-0001"}

records = []  # (request bytes, response bytes)


def read_message(sock_file):
    """One HTTP/1.1 message with Content-Length (both sides use it), or None at EOF."""
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        c = sock_file.read(1)
        if not c:
            return None
        head += c
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1].strip())
    body = sock_file.read(length) if length else b""
    return head, body


def relay(client, port):
    upstream = socket.create_connection(("127.0.0.1", port))
    cf, uf = client.makefile("rb"), upstream.makefile("rb")
    try:
        while True:
            req = read_message(cf)
            if req is None:
                break
            upstream.sendall(req[0] + req[1])
            resp = read_message(uf)
            if resp is None:
                break
            client.sendall(resp[0] + resp[1])
            records.append((req, resp))
    except OSError:
        pass
    finally:
        client.close()
        upstream.close()


def to_input(head, body, response):
    lines = head.split(b"\r\n")
    start = lines[0]
    if response:  # "HTTP/1.1 200 OK" -> "200"
        start = start.split(b" ")[1]
    headers = [l for l in lines[1:] if l]
    return start + b"\n" + b"\n".join(headers) + b"\n\n" + body


def save(target, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def main():
    emu = subprocess.Popen([EMULATOR, "--port", "0", "--demo-data", "--alibaba-create-ms", "300",
                            "--alibaba-prepare-ms", "100", "--huawei-create-ms", "300",
                            "--huawei-delete-ms", "100"], stdout=subprocess.PIPE, text=True)
    try:
        line = emu.stdout.readline()
        port = int(line.rsplit(":", 1)[1])
        proxy = socket.socket()
        proxy.bind(("127.0.0.1", 0))
        proxy.listen(16)
        proxy_port = proxy.getsockname()[1]

        def accept():
            while True:
                try:
                    c, _ = proxy.accept()
                except OSError:
                    return
                threading.Thread(target=relay, args=(c, port), daemon=True).start()

        threading.Thread(target=accept, daemon=True).start()
        endpoint = "http://127.0.0.1:%d" % proxy_port
        env_base = {k: v for k, v in os.environ.items()
                    if not k.startswith(("HUAWEICLOUD", "ALIBABA", "CLOUD_SDK", "IMAGECACHE"))}
        env_base["IMAGECACHE_STORE"] = "/tmp/imagecache-seed-capture.db"
        env_base["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
        hw = dict(env_base, **HUAWEI)
        ali = dict(env_base, **ALIBABA)
        hwg = ["--provider", "huawei", "--region", "cn-north-4", "--endpoint", endpoint]
        alg = ["--provider", "alibaba", "--region", "cn-hangzhou", "--endpoint", endpoint]
        cluster = "8b3b4b2d-e39d-11ef-a9ac-0255ac100113"

        def cli(env, args):
            return subprocess.run([CLI] + args, env=env, capture_output=True, text=True, timeout=60)

        cli(hw, hwg + ["caches", "list", "--json"])
        cli(hw, hwg + ["caches", "create", "--name", "seed-hw", "--image", "nginx:latest",
                       "--cluster", cluster, "--wait", "--poll-interval", "100"])
        listed = cli(hw, hwg + ["caches", "list", "--json", "--name", "seed-hw"]).stdout
        for t in ["private_image", "shared_image"]:
            cli(hw, hwg + ["images", "list", "--type", t, "--json"])
        images = cli(hw, hwg + ["images", "list", "--json"]).stdout
        try:
            for im in json.loads(images)[:2]:
                cli(hw, hwg + ["images", "layers", im["id"], "--json"])
        except (ValueError, KeyError):
            pass
        try:
            for c in json.loads(listed):
                cli(hw, hwg + ["caches", "show", c["id"], "--json"])
                cli(hw, hwg + ["caches", "delete", c["id"], "--wait", "--poll-interval", "100"])
        except (ValueError, KeyError):
            pass
        cli(hw, hwg + ["caches", "show", "00000000-0000-0000-0000-000000000000"])
        bad = dict(hw, HUAWEICLOUD_SDK_SK="wrong")
        cli(bad, hwg + ["caches", "list"])

        cli(ali, alg + ["caches", "list", "--json"])
        cli(ali, alg + ["caches", "create", "--name", "seed-ali", "--image", "nginx:latest",
                        "--security-group", "sg-seed", "--vswitch", "vsw-seed", "--wait",
                        "--poll-interval", "100"])
        listed = cli(ali, alg + ["caches", "list", "--json", "--name", "seed-ali"]).stdout
        try:
            for c in json.loads(listed):
                cli(ali, alg + ["caches", "delete", c["id"]])
        except (ValueError, KeyError):
            pass
        images = cli(ali, alg + ["images", "list", "--json"]).stdout
        try:
            for im in json.loads(images)[:3]:
                cli(ali, alg + ["images", "show", im["id"], "--json"])
        except (ValueError, KeyError):
            pass
        # The CLI's own CSV exports are the CSV reader's seeds.
        for env, g, what, extra in [(hw, hwg, "caches", []), (ali, alg, "caches", ["--bom"]),
                                    (hw, hwg, "images", []), (ali, alg, "images", [])]:
            out = "/tmp/imagecache-seed-capture.csv"
            if cli(env, g + ["export", what, "--csv", out] + extra).returncode == 0:
                with open(out, "rb") as f:
                    save("csv", f.read())
                os.remove(out)
        bad = dict(ali, ALIBABA_CLOUD_ACCESS_KEY_SECRET="wrong")
        cli(bad, alg + ["caches", "list"])
        proxy.close()
    finally:
        emu.terminate()
        emu.wait(10)

    for (qh, qb), (rh, rb) in records:
        request = to_input(qh, qb, False)
        response = to_input(rh, rb, True)
        path = qh.split(b"\r\n")[0].split(b" ")[1]
        action = b""
        for l in qh.split(b"\r\n"):
            if l.lower().startswith(b"x-acs-action:"):
                action = l.split(b":", 1)[1].strip()
        if b"Action=" in path:
            action = path.split(b"Action=", 1)[1].split(b"&")[0]
        if path.startswith(b"/v5/imagecaches"):
            save("cce", response)
            save("huawei_verifier", request)
        elif path.startswith(b"/v3/"):
            save("iam", response)
            save("huawei_verifier", request)
        elif path.startswith(b"/v5/"):
            save("hss", response)
            save("huawei_verifier", request)
        elif action.endswith(b"ImageCache") or action.endswith(b"ImageCaches"):
            save("eci", response)
            save("alibaba_verifier", request)
        elif action:
            save("ehpc", response)
            save("alibaba_verifier", request)
        save("percent", path.split(b"?", 1)[1] if b"?" in path else path)
    print("recorded %d exchanges" % len(records))


if __name__ == "__main__":
    main()
