#pragma once

// Private to SyncEngine*.cpp: the engine's push (Ping) loop.
#include "HeartbeatPolicy.h"

#include <QString>

#include <atomic>
#include <mutex>

namespace skein::eas {

class SyncEngine;
class SyncEngineJobs;
class Transport;
struct SyncEngineWorker;

// A Ping job on the lowest lane keeps one request open on the mail folders;
// any other job posted meanwhile interrupts it (SyncEngineJobs::post calls
// interrupt()) and the Ping is posted again behind that work. Tells the
// engine's pushChanged() whether it listens.
class SyncEnginePush
{
public:
    SyncEnginePush(SyncEngine &engine, SyncEngineJobs &jobs);

    // From any thread.
    void start();
    void stop();
    // The engine closes: the Ping ends now, and nothing is told.
    void shutdown();
    // Aborts a Ping in flight so the work just posted runs.
    void interrupt();
    // Posts the Ping job unless push is off (after a sync gave it folders).
    void post();

private:
    void ping(SyncEngineWorker &w);
    void pingLater(int ms);
    void setListening(bool listening, const QString &note);

    SyncEngine &m_engine;
    SyncEngineJobs &m_jobs;
    std::mutex m_pingMutex;
    Transport *m_pingTransport = nullptr; // set while a Ping is in flight
    bool m_pingInterrupted = false;       // guarded by m_pingMutex
    std::atomic<bool> m_enabled{false};
    // Only touched on the engine's thread:
    HeartbeatPolicy m_heartbeat;
    int m_pingFailures = 0;
    int m_pingMaxFolders = 0;             // the server's limit (status 6); 0 none
    bool m_staleAbortPossible = false;    // an interrupt may hit the next Ping
    bool m_listening = false;
};

} // namespace skein::eas
