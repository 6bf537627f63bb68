#!/usr/bin/env python3
"""Git merge driver for Qt Linguist catalogues (translations/*.ts).

Two branches that each add strings conflict on the same XML lines, yet their messages never
really clash. This driver keeps every message of both sides: a message that one side translated
and the other left unfinished takes the translation. Run `update_translations` (lupdate
-no-obsolete) afterwards to drop messages whose source is gone.

Enable it in a clone with:
    git config merge.ts.driver 'python3 scripts/ts-merge.py %O %A %B'
(.gitattributes maps translations/*.ts to it.)

Usage: ts-merge.py BASE OURS THEIRS   (the result is written to OURS)
"""
import sys
import xml.etree.ElementTree as ET


def key(message):
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return (source, comment, message.get("numerus") == "yes")


def finished(message):
    translation = message.find("translation")
    if translation is None:
        return False
    if translation.get("type") in ("unfinished", "obsolete", "vanished"):
        return False
    texts = [n.text or "" for n in translation.findall("numerusform")] or [translation.text or ""]
    return all(t.strip() for t in texts)


def contexts(root):
    return {c.findtext("name"): c for c in root.findall("context")}


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    _, ours_path, theirs_path = sys.argv[1:]
    ours_tree = ET.parse(ours_path)
    ours = ours_tree.getroot()
    theirs = ET.parse(theirs_path).getroot()

    ours_contexts = contexts(ours)
    for name, their_context in contexts(theirs).items():
        our_context = ours_contexts.get(name)
        if our_context is None:
            ours.append(their_context)
            continue
        our_messages = {key(m): m for m in our_context.findall("message")}
        for message in their_context.findall("message"):
            mine = our_messages.get(key(message))
            if mine is None:
                our_context.append(message)
            elif not finished(mine) and finished(message):
                our_context.remove(mine)
                our_context.append(message)

    # Contexts sorted by name, as lupdate writes them, so the next lupdate run changes little.
    sorted_contexts = sorted(ours.findall("context"), key=lambda c: c.findtext("name") or "")
    for c in list(ours.findall("context")):
        ours.remove(c)
    for c in sorted_contexts:
        ours.append(c)
    ET.indent(ours_tree, space="    ")
    with open(ours_path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(ours, encoding="unicode"))
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
