#include "viewexport.h"

#include "csv/csvwriter.h"
#include "models/itemroles.h"

#include <QDateTime>

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSaveFile>
#include <QTableView>

namespace ui {

QString ViewSnapshot::toolsText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QDateTime) {
        const QDateTime time = value.toDateTime();
        return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
    }
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 15); // no locale grouping
    return value.toString();
}

ViewSnapshot ViewSnapshot::take(const QTableView *view, bool selectionOnly, Format format)
{
    ViewSnapshot snapshot;
    const QAbstractItemModel *model = view->model();
    const QHeaderView *header = view->horizontalHeader();
    if (!model)
        return snapshot;
    const bool tools = format == Format::ForTools;

    QList<int> columns;
    if (tools) {
        for (int column = 0; column < model->columnCount(); ++column)
            columns.append(column);
    } else {
        for (int visual = 0; visual < header->count(); ++visual) {
            const int logical = header->logicalIndex(visual);
            if (!header->isSectionHidden(logical))
                columns.append(logical);
        }
    }
    for (int column : std::as_const(columns)) {
        const QVariant key
            = tools ? model->headerData(column, Qt::Horizontal, models::ExportRole) : QVariant();
        snapshot.header.append(
            key.isValid() ? key.toString() : model->headerData(column, Qt::Horizontal).toString());
    }
    const auto cell = [model, tools](int row, int column) {
        const QModelIndex index = model->index(row, column);
        if (!tools)
            return index.data(Qt::DisplayRole).toString();
        QVariant value = index.data(models::ExportRole);
        if (!value.isValid()) {
            const QVariant sort = index.data(models::SortRole);
            value = sort.typeId() == QMetaType::QDateTime ? sort : index.data(Qt::DisplayRole);
        }
        return toolsText(value);
    };

    QList<int> rows;
    if (selectionOnly && view->selectionModel()) {
        for (const QModelIndex &index : view->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.begin(), rows.end());
    } else {
        rows.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            rows.append(row);
    }
    snapshot.rows.reserve(rows.size());
    for (int row : std::as_const(rows)) {
        QStringList cells;
        cells.reserve(columns.size());
        for (int column : std::as_const(columns))
            cells.append(cell(row, column));
        snapshot.rows.append(cells);
    }
    return snapshot;
}

QString ViewSnapshot::toTsv(bool withHeader) const
{
    const auto clean = [](QString cell) {
        cell.replace(QLatin1Char('\t'), QLatin1Char(' '));
        cell.replace(QLatin1Char('\n'), QLatin1String("; "));
        return cell;
    };
    QStringList lines;
    if (withHeader)
        lines.append(header.join(QLatin1Char('\t')));
    for (const QStringList &row : rows) {
        QStringList cells;
        for (const QString &cell : row)
            cells.append(clean(cell));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

bool ViewExport::writeCsv(const ViewSnapshot &snapshot, const QString &fileName, bool byteOrderMark,
                          QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    csv::CsvWriter writer(&file, {byteOrderMark, true});
    writer.writeRecord(snapshot.header);
    for (const QStringList &row : snapshot.rows) {
        if (!writer.writeRecord(row))
            break;
    }
    if (!writer.ok() || !file.commit()) {
        *error = tr("Cannot write %1: %2")
                     .arg(fileName, writer.ok() ? file.errorString() : writer.errorString());
        return false;
    }
    return true;
}

} // namespace ui
