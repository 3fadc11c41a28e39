// skein: the desktop mail client. Everything but argument handling lives in
// DesktopApp (skein_app), so the GUI tests drive the same code.
#include "CommandLine.h"
#include "DesktopApp.h"
#include "Translations.h"

#include <QApplication>
#include <QTextStream>

using namespace skein::desktop;

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("skein"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SKEIN_VERSION));

    // Parsed before QApplication exists, so --help and --version work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const ParsedCommandLine parsed = parseCommandLine(arguments);
    if (!parsed.options) {
        QTextStream(parsed.exitCode == 0 ? stdout : stderr) << parsed.text;
        return parsed.exitCode;
    }

    QApplication app(argc, argv);
    installTranslations(QLocale::system());
    DesktopApp desktop(*parsed.options);
    // Queued: a failure inside start() comes before exec(), when exit() would be lost.
    QObject::connect(
        &desktop, &DesktopApp::exitRequested, &app,
        [](int code, const QString &message) {
            QTextStream(code == 0 ? stdout : stderr) << "skein: " << message << "\n";
            QCoreApplication::exit(code);
        },
        Qt::QueuedConnection);
    desktop.start();
    return QApplication::exec();
}
