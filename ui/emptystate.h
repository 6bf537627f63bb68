#pragma once

#include <QLabel>

#include <functional>

class QAbstractItemView;

namespace ui {

// What an empty view says instead of a blank grid: a centred, word-wrapped text over the
// view's viewport, shown while its model has no rows. The text is asked for each time (it
// may depend on the filter or the provider); an empty text shows nothing.
class EmptyState final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyState)
public:
    EmptyState(QAbstractItemView *view, std::function<QString()> text);

    // Re-reads the text and whether the model is empty (also on every row change).
    void refresh();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QAbstractItemView *m_view;
    std::function<QString()> m_text;
};

} // namespace ui
