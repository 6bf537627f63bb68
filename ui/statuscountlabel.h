#pragma once

#include <QLabel>
#include <QTimer>

namespace models {
class CacheTableModel;
}

namespace ui {

// The status bar's count of caches per status ("12 caches: 9 Ready · 2 Creating · 1 Failed"),
// over every cache the console holds (not only the filtered view). A burst of model changes
// (a poll of a large region) is counted once, after it settles.
class StatusCountLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCountLabel)
public:
    explicit StatusCountLabel(models::CacheTableModel *model, QWidget *parent = nullptr);

private:
    void recount();

    models::CacheTableModel *m_model;
    QTimer m_recount;
};

} // namespace ui
