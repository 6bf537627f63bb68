#include "presentation.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>

#include <array>
#include <cmath>
#include <numbers>

namespace models {

using core::CacheStatus;

namespace {

constexpr int statusCount = static_cast<int>(CacheStatus::Expired) + 1;

bool haveGui()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

// Draws one glyph in a 16×16 design grid, scaled to `size`.
template<typename Draw>
QPixmap drawGlyph(int size, Draw draw)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 16.0, size / 16.0);
    draw(painter);
    return pixmap;
}

QPen glyphPen(const QColor &color, qreal width)
{
    QPen pen(color, width);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

void drawStatus(QPainter &p, CacheStatus status, const QColor &color)
{
    const QColor white(Qt::white);
    switch (status) {
    case CacheStatus::Ready: // filled disc with a check mark
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QPointF(8, 8), 7, 7);
        p.setPen(glyphPen(white, 2));
        p.drawPolyline(QPolygonF({QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)}));
        break;
    case CacheStatus::Creating: // ring with a growing wedge
        p.setPen(glyphPen(color, 1.5));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(8, 8), 6.5, 6.5);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPie(QRectF(3, 3, 10, 10), 90 * 16, -135 * 16);
        break;
    case CacheStatus::Updating: { // two chasing arrows
        p.setPen(glyphPen(color, 1.8));
        p.setBrush(Qt::NoBrush);
        const QRectF arc(2.5, 2.5, 11, 11);
        p.drawArc(arc, 30 * 16, 130 * 16);
        p.drawArc(arc, 210 * 16, 130 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPolygon(QPolygonF({QPointF(0.8, 7.2), QPointF(6, 7.2), QPointF(3.4, 10.6)}));
        p.drawPolygon(QPolygonF({QPointF(15.2, 8.8), QPointF(10, 8.8), QPointF(12.6, 5.4)}));
        break;
    }
    case CacheStatus::Deleting: // square with a minus bar
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(1.5, 1.5, 13, 13), 2.5, 2.5);
        p.setPen(glyphPen(white, 2));
        p.drawLine(QPointF(4.5, 8), QPointF(11.5, 8));
        break;
    case CacheStatus::Failed: { // octagon (stop sign) with a cross
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal angle = (22.5 + 45.0 * i) * std::numbers::pi / 180.0;
            octagon << QPointF(8 + 7.3 * std::cos(angle), 8 + 7.3 * std::sin(angle));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPolygon(octagon);
        p.setPen(glyphPen(white, 2));
        p.drawLine(QPointF(5.3, 5.3), QPointF(10.7, 10.7));
        p.drawLine(QPointF(10.7, 5.3), QPointF(5.3, 10.7));
        break;
    }
    case CacheStatus::Unavailable: // warning triangle with "!"
        p.setPen(glyphPen(color, 1));
        p.setBrush(color);
        p.drawPolygon(QPolygonF({QPointF(8, 1), QPointF(15, 14.5), QPointF(1, 14.5)}));
        p.setPen(glyphPen(white, 1.8));
        p.drawLine(QPointF(8, 5.5), QPointF(8, 9.5));
        p.drawPoint(QPointF(8, 12.2));
        break;
    case CacheStatus::Expired: // hourglass
        p.setPen(glyphPen(color, 1));
        p.setBrush(color);
        p.drawPolygon(QPolygonF({QPointF(3, 1.5), QPointF(13, 1.5), QPointF(8, 8)}));
        p.drawPolygon(QPolygonF({QPointF(8, 8), QPointF(13, 14.5), QPointF(3, 14.5)}));
        break;
    case CacheStatus::Unknown: // dashed ring with a dot
        p.setPen(QPen(color, 1.5, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(8, 8), 6.5, 6.5);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawEllipse(QPointF(8, 8), 1.8, 1.8);
        break;
    }
}

QIcon makeIcon(CacheStatus status, const QColor &color)
{
    QIcon icon;
    for (int size : {16, 24, 32})
        icon.addPixmap(drawGlyph(size, [&](QPainter &p) { drawStatus(p, status, color); }));
    return icon;
}

} // namespace

QString Presentation::statusText(CacheStatus status)
{
    switch (status) {
    case CacheStatus::Creating:
        return tr("Creating", "image cache status");
    case CacheStatus::Ready:
        return tr("Ready", "image cache status");
    case CacheStatus::Updating:
        return tr("Updating", "image cache status");
    case CacheStatus::Deleting:
        return tr("Deleting", "image cache status");
    case CacheStatus::Failed:
        return tr("Failed", "image cache status");
    case CacheStatus::Unavailable:
        return tr("Unavailable", "image cache status (abnormal)");
    case CacheStatus::Expired:
        return tr("Expired", "image cache status: retention elapsed");
    case CacheStatus::Unknown:
        break;
    }
    return tr("Unknown", "image cache status");
}

QColor Presentation::statusColor(CacheStatus status)
{
    // Mid-tone colours: readable on both light and dark backgrounds.
    switch (status) {
    case CacheStatus::Ready:
        return QColor(0x2e, 0x8b, 0x3e);
    case CacheStatus::Creating:
        return QColor(0x1e, 0x78, 0xd2);
    case CacheStatus::Updating:
        return QColor(0x00, 0x8c, 0xa8);
    case CacheStatus::Deleting:
        return QColor(0x8d, 0x6e, 0x63);
    case CacheStatus::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case CacheStatus::Unavailable:
        return warningColor();
    case CacheStatus::Expired:
        return QColor(0x80, 0x80, 0x80);
    case CacheStatus::Unknown:
        break;
    }
    return {};
}

QColor Presentation::warningColor()
{
    return QColor(0xe6, 0x7e, 0x00);
}

QIcon Presentation::statusIcon(CacheStatus status)
{
    const int index = static_cast<int>(status);
    if (!haveGui() || index < 0 || index >= statusCount)
        return {};
    static const std::array<QIcon, statusCount> icons = [] {
        std::array<QIcon, statusCount> all;
        for (int i = 0; i < statusCount; ++i) {
            const auto s = static_cast<CacheStatus>(i);
            const QColor color
                = s == CacheStatus::Unknown ? QColor(0x80, 0x80, 0x80) : statusColor(s);
            all[i] = makeIcon(s, color);
        }
        return all;
    }();
    return icons[index];
}

QIcon Presentation::warningIcon()
{
    if (!haveGui())
        return {};
    static const QIcon icon = makeIcon(CacheStatus::Unavailable, warningColor());
    return icon;
}

QString Presentation::providerName(core::Provider provider)
{
    return provider == core::Provider::Huawei ? tr("Huawei Cloud") : tr("Alibaba Cloud");
}

QString Presentation::sizeGiB(int gib)
{
    if (gib <= 0)
        return {};
    return tr("%1 GiB", "size in gibibytes").arg(QLocale().toString(gib));
}

QString Presentation::bytes(qint64 bytes)
{
    if (bytes < 0)
        return {};
    return QLocale().formattedDataSize(bytes, 2, QLocale::DataSizeIecFormat);
}

QString Presentation::retention(int days)
{
    if (days <= 0)
        return tr("never", "retention: the cache never expires");
    if (days == 1)
        return tr("1 day", "retention");
    return tr("%1 days", "retention").arg(QLocale().toString(days));
}

QString Presentation::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString Presentation::duration(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 60)
        return tr("less than a minute");
    if (seconds < 3600) {
        const qint64 minutes = seconds / 60;
        return minutes == 1 ? tr("1 minute") : tr("%1 minutes").arg(minutes);
    }
    if (seconds < 86400) {
        const qint64 hours = seconds / 3600;
        return hours == 1 ? tr("1 hour") : tr("%1 hours").arg(hours);
    }
    const qint64 days = seconds / 86400;
    return days == 1 ? tr("1 day") : tr("%1 days").arg(QLocale().toString(days));
}

QString Presentation::timeLeft(const QDateTime &until, const QDateTime &now)
{
    if (!until.isValid() || !now.isValid())
        return {};
    const qint64 seconds = now.secsTo(until);
    if (seconds > 0)
        return tr("in %1", "time left, e.g. in 3 days").arg(duration(seconds));
    return tr("%1 ago", "time passed, e.g. 2 days ago").arg(duration(seconds));
}

} // namespace models
