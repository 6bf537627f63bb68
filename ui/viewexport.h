#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QTableView;

namespace ui {

// What a table view shows, as text: the visible columns in their on-screen order, the rows as
// filtered and sorted, optionally the selected rows only. Taken on the GUI thread (models live
// there); writing it out is the slow part and happens elsewhere.
struct ViewSnapshot
{
    QStringList header;
    QList<QStringList> rows;

    // AsShown: the visible columns in their order, as displayed. ForTools: every column of the
    // model in its own order (ids included even when hidden), stable column keys, and the
    // models' ExportRole values: plain numbers, ISO-8601 UTC times.
    enum class Format { AsShown, ForTools };

    static ViewSnapshot take(const QTableView *view, bool selectionOnly,
                             Format format = Format::AsShown);
    static QString toolsText(const QVariant &value);
    // Tab-separated, for the clipboard (Ctrl+C pastes into a spreadsheet).
    QString toTsv(bool withHeader) const;
};

class ViewExport final
{
    Q_DECLARE_TR_FUNCTIONS(ViewExport)
public:
    // RFC 4180 CSV through QSaveFile: a failed export leaves no half file. Thread-safe.
    static bool writeCsv(const ViewSnapshot &snapshot, const QString &fileName, bool byteOrderMark,
                         QString *error);
};

} // namespace ui
