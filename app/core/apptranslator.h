#pragma once

class QCoreApplication;
class QLocale;

namespace core {

// Installs the project's catalogue for `locale` from :/i18n, where the console and the CLI both
// compile it in: Simplified Chinese for zh_CN; for English, and for any language without a
// catalogue of its own, the English plural forms — the source strings say "%n workload(s)",
// the user reads "1 workload", "2 workloads".
// Returns whether a catalogue of the locale's own language was found.
bool installAppTranslator(QCoreApplication &app, const QLocale &locale);

} // namespace core
