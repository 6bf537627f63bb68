#pragma once

#include "signaturecheck.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QUrl>

// Pieces both clouds' signers and verifiers share. Internal to the net layer.
namespace net::signing {

// Lowercase hex SHA-256 (the empty body's hash is a constant).
QByteArray sha256Hex(QByteArrayView data);
// The Host a client puts on the wire: URL host, with the port when not the scheme's default.
QByteArray hostOf(const QUrl &url);
// Compares signatures without revealing how many leading characters of a guess were right.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);
SignatureCheck failed(SignatureCheck check, SignatureCheck::Status status, const QString &detail);
// The "Name=value, Name=value" list after the algorithm of an Authorization header, for the
// given names in order. Empty when a name is missing, empty or given twice.
QList<QByteArray> authorizationParams(QByteArrayView params, const QList<QByteArray> &names);

} // namespace net::signing
