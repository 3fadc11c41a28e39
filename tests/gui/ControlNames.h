#pragma once

// What a tester (and a screen reader) needs from every control: a stable
// object name that says what it does, and an accessible name in words.
// namingProblems() walks a window's actions and input widgets and lists
// each one that lacks either, or carries a numbered placeholder name
// ("conversationAction3", "sortBy0") that changes when an enum does.

#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringList>
#include <QToolBar>
#include <QWidget>
#include <QWidgetAction>

namespace guitest {

inline bool isPlaceholderName(const QString &name)
{
    static const QRegularExpression numbered(QStringLiteral("\\d+$"));
    return numbered.match(name).hasMatch();
}

// Parts Qt makes inside its own widgets (a tab widget's tab bar, a combo
// box's popup, a spin box's line edit, scroll bars): not ours to name. What
// we put into Qt's containers (a scroll area's viewport, a tab's page) is.
inline bool isQtInternal(const QWidget *widget, const QWidget *root)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")) || qobject_cast<const QScrollBar *>(widget))
        return true;
    for (const QWidget *w = widget->parentWidget(); w && w != root; w = w->parentWidget()) {
        if (qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w))
            return true;
    }
    return false;
}

inline QString describe(const QObject *object, const QString &text)
{
    return QStringLiteral("%1 \"%2\" (%3)").arg(QLatin1String(object->metaObject()->className()), text,
                                                object->objectName());
}

inline void checkAction(QAction *action, QStringList &problems)
{
    if (action->isSeparator() || qobject_cast<QWidgetAction *>(action))
        return; // a widget in a toolbar is checked as a widget
    // A submenu stands for its QMenu: the menu carries the name.
    const QObject *named = action->menu() ? static_cast<QObject *>(action->menu()) : action;
    const QString text = QString(action->text()).remove(QLatin1Char('&'));
    if (named->objectName().isEmpty() || isPlaceholderName(named->objectName()))
        problems << QStringLiteral("action without a meaningful object name: %1").arg(describe(named, text));
    if (text.isEmpty())
        problems << QStringLiteral("action without text: %1").arg(describe(named, text));
}

inline void checkMenu(QMenu *menu, QStringList &problems)
{
    for (QAction *action : menu->actions()) {
        checkAction(action, problems);
        if (action->menu())
            checkMenu(action->menu(), problems);
    }
}

// Every action the user reaches in the window: its menus (with submenus),
// toolbars, context menus and window-wide shortcuts.
inline QStringList actionNamingProblems(QWidget *window)
{
    QStringList problems;
    if (auto *main = qobject_cast<QMainWindow *>(window))
        for (QAction *action : main->menuBar()->actions()) {
            checkAction(action, problems);
            if (action->menu())
                checkMenu(action->menu(), problems);
        }
    for (QToolBar *bar : window->findChildren<QToolBar *>())
        for (QAction *action : bar->actions())
            checkAction(action, problems);
    for (QMenu *menu : window->findChildren<QMenu *>())
        checkMenu(menu, problems);
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (isQtInternal(widget, window))
            continue;
        for (QAction *action : widget->actions())
            if (!action->objectName().startsWith(QLatin1String("_q_"))) // e.g. a line edit's clear button
                checkAction(action, problems);
    }
    for (QAction *action : window->actions())
        checkAction(action, problems);
    problems.removeDuplicates();
    return problems;
}

// Every widget the user can put the keyboard focus on, shown or not.
inline QStringList widgetNamingProblems(QWidget *window)
{
    QStringList problems;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (widget->focusPolicy() == Qt::NoFocus || qobject_cast<QMenu *>(widget) || isQtInternal(widget, window))
            continue;
        if (widget->objectName().isEmpty() || isPlaceholderName(widget->objectName()))
            problems << QStringLiteral("control without a meaningful object name: %1")
                            .arg(describe(widget, widget->accessibleName()));
        if (widget->accessibleName().isEmpty())
            problems << QStringLiteral("control without an accessible name: %1").arg(describe(widget, QString()));
    }
    return problems;
}

inline QStringList namingProblems(QWidget *window)
{
    return actionNamingProblems(window) + widgetNamingProblems(window);
}

} // namespace guitest
