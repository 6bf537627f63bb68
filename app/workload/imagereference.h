#pragma once

#include <QCoreApplication>
#include <QString>

namespace workload {

// A container image reference parsed with the grammar of the distribution project
// (github.com/distribution/reference, regexp.go) and normalised the way container runtimes
// do it (ParseNormalizedNamed + ParseDockerRef, as containerd's CRI plugin and kubelet):
// "nginx" → "docker.io/library/nginx:latest"; "index.docker.io/x" → "docker.io/library/x";
// a digest is kept, and when a tag and a digest are both given the digest wins.
class ImageReference final
{
    Q_DECLARE_TR_FUNCTIONS(ImageReference)
public:
    enum class Error {
        None,
        NameEmpty,     // ErrNameEmpty
        InvalidFormat, // ErrReferenceInvalidFormat
        NameContainsUppercase,
        NameTooLong, // more than 255 characters in the name
        DigestInvalidLength,
        DigestUnsupported, // an algorithm other than sha256 / sha384 / sha512
        HexadecimalName,   // a bare 64-hex identifier is not a repository name
    };

    // reference.Parse: the grammar only, no defaults ("test.com:5000" is name + tag).
    static ImageReference parse(const QString &text);
    // reference.ParseNormalizedNamed: Docker Hub domain and "library/" filled in; the tag
    // stays empty when none was written.
    static ImageReference parseNormalized(const QString &text);

    bool isValid() const { return m_error == Error::None; }
    Error error() const { return m_error; }
    QString errorString() const;

    QString input() const { return m_input; }
    QString domain() const { return m_domain; } // "" when the grammar found none
    QString path() const { return m_path; }
    QString tag() const { return m_tag; }
    QString digest() const { return m_digest; }
    // domain/path, or path when there is no domain (reference.Named.Name()).
    QString name() const;
    // name[:tag][@digest], as written after normalisation (reference.String()).
    QString toString() const;
    // What a runtime pulls (ParseDockerRef + TagNameOnly): name@digest when a digest is
    // given, else name:tag with "latest" by default. The key two references are compared by.
    QString pullReference() const;
    // The short form Docker shows ("nginx:1.25" for docker.io/library/nginx:1.25).
    QString familiar() const;

private:
    Error m_error = Error::NameEmpty;
    QString m_input;
    QString m_domain;
    QString m_path;
    QString m_tag;
    QString m_digest;
};

// The reference a runtime would pull for `text`, or "" when `text` is not a valid reference.
QString normalizedImage(const QString &text);

} // namespace workload
