#pragma once

#include <initializer_list>
#include <vector>

namespace skein::server::demo {

// The demo mailbox as data: people, threads and the messages in them.
// Person 0 is the mailbox owner; what they wrote lives in Sent Items.

struct Person {
    const char *name;
    const char *email;
};

namespace Mark {
inline constexpr int Unread = 1;   // stays unread although older than two days
inline constexpr int Flagged = 2;  // flagged for follow-up
inline constexpr int Complete = 4; // flag marked complete
inline constexpr int High = 8;     // importance high
inline constexpr int Read = 16;    // read although recent
} // namespace Mark

struct DemoMessage {
    int parent;        // index in the thread, -1 for the thread starter
    int from;          // person index
    int minutes;       // after the thread start
    int marks;         // Mark bits
    const char *text;
};

struct DemoThread {
    const char *key;     // stable name; seeds the ConversationId
    const char *subject;
    const char *folder;  // where others' messages live
    double daysAgo;      // thread start relative to "now"
    std::vector<int> people;
    std::vector<DemoMessage> messages;
    bool html = false;   // native body type HTML
};

const std::vector<Person> &people();
const std::vector<DemoThread> &threads();

} // namespace skein::server::demo
