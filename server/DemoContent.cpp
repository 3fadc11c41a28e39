#include "DemoContent.h"

namespace skein::server::demo {

const std::vector<Person> &people()
{
    static const std::vector<Person> list{
        {"Demo User", "demo@skein.test"},                          // 0
        {"Maya Chen", "maya.chen@northwind.example"},              // 1 product manager
        {"Jonas Berg", "jonas.berg@northwind.example"},            // 2 engineering lead
        {"Priya Raman", "priya.raman@northwind.example"},          // 3 marketing
        {"Tom Okafor", "tom.okafor@northwind.example"},            // 4 design
        {"Lena Fischer", "lena.fischer@northwind.example"},        // 5 QA
        {"Anna User", "anna.user@familymail.example"},             // 6 mother
        {"Ben User", "ben.user@familymail.example"},               // 7 brother
        {"Sofia User", "sofia.user@familymail.example"},           // 8 sister
        {"Carlos Mendez", "carlos@libtessera.org"},                // 9 maintainer
        {"Yuki Tanaka", "yuki.tanaka@fastmail.example"},           // 10 reporter
        {"Alex Kim", "alex.kim@contrib.example"},                  // 11 contributor
        {"Harbor Books", "orders@harborbooks.example"},            // 12
        {"CityRail", "noreply@cityrail.example"},                  // 13
        {"Patel Dental Clinic", "frontdesk@pateldental.example"},  // 14
        {"Greg Wilson", "greg.wilson@northwind.example"},          // 15 facilities
        {"Nina Rossi", "nina.rossi@northwind.example"},            // 16 HR
        {"Sam Taylor", "sam.taylor@mail.example"},                 // 17 friend
        {"Riverside Runners", "club@riverside-runners.example"},   // 18
        {"Mark Evans", "mark.evans@evansproperties.example"},      // 19 landlord
    };
    return list;
}

const std::vector<DemoThread> &threads()
{
    using M = DemoMessage;
    static const std::vector<DemoThread> list{
        // ---- deep threads with branches ----
        {"launch-plan", "Q3 launch plan for Skein Mobile", "Inbox", 20.3, {0, 1, 2, 3, 4, 5}, {
            M{-1, 1, 0, 0, "Hi all,\n\nhere is the first draft of the launch plan for Skein Mobile. Target date is the 24th; the big open questions are the code freeze date, the screenshot deadline and whether offline search makes it in. Please reply with your constraints by Wednesday."},
            M{0, 2, 90, 0, "Engineering can hit a code freeze on the 14th, but only if we cut offline search. The indexer still needs a week of work and I would rather not rush it."},
            M{0, 3, 150, 0, "Marketing needs final screenshots two weeks before launch, so the 10th at the latest. The press kit goes out on the 17th."},
            M{1, 0, 200, 0, "Cutting offline search is fine by me; it is a great 1.1 headline. Let's keep the freeze on the 14th."},
            M{1, 5, 260, Mark::High, "QA needs at least ten days after the freeze for the full regression pass on both platforms. With a freeze on the 14th we cannot make the 24th."},
            M{2, 4, 400, 0, "I can have screenshot-ready builds of the new onboarding by Friday. Priya, do you want light mode only or both themes?"},
            M{3, 1, 1500, 0, "Agreed. I moved offline search to the 1.1 column on the board."},
            M{4, 2, 1600, 0, "Ten days works if the freeze moves to the 12th. We can do that if nobody adds scope from now on."},
            M{7, 0, 1700, 0, "Let's do the 12th then, and no new scope. Maya, can you update the timeline?"},
            M{8, 1, 2900, 0, "Timeline updated: freeze on the 12th, launch on the 26th. I moved the press kit to the 19th."},
            M{5, 3, 3000, 0, "Tom, the light screenshots look great. Could we get a dark mode set as well? Reviewers love dark mode."},
            M{10, 4, 4300, 0, "Dark mode set uploaded to the shared drive, folder launch/screenshots/dark."},
            M{9, 5, 5800, Mark::Flagged, "The regression plan is in the tracker. 212 cases, about 40 automated. I will need two volunteers for the manual accessibility pass."},
            M{12, 0, 7200, 0, "Thanks everyone, this is in good shape. I can take one of the accessibility slots. See you at Monday's go/no-go."},
        }},
        {"lisbon-trip", "Summer trip to Lisbon", "Inbox", 40.2, {0, 6, 7, 8}, {
            M{-1, 6, 0, 0, "My dears,\n\nnow that everyone has their vacation days, shall we finally plan Lisbon? I am thinking of the last week of July. Who is in?"},
            M{0, 7, 300, 0, "Last week of July works for us. The kids want at least one beach day, and I want to see the tram 28."},
            M{0, 8, 700, 0, "I can only do from the 24th. Flights from Berlin are much cheaper on Tuesdays, just saying."},
            M{1, 0, 1500, 0, "I'll look at apartments in Alfama, something with four bedrooms so we can all stay together."},
            M{2, 6, 2000, 0, "The 24th is fine for me. Let's aim for the 24th to the 31st then."},
            M{3, 8, 4500, 0, "Found one near the Miradouro de Santa Luzia: four bedrooms, a terrace with a view of the river, and a washing machine!"},
            M{5, 7, 8000, 0, "Looks lovely, but is there parking? We would rent a car for Sintra and Cascais."},
            M{6, 0, 12000, 0, "No parking at the flat, but there is a garage two streets away. I booked the apartment and a spot in the garage."},
            M{7, 6, 20000, Mark::Flagged, "Booked my flights! Arriving on the 24th at 10:40. Who picks me up?"},
            M{4, 7, 40000, 0, "We are on the same flight as Mom, Sofia, so we can share a taxi from the airport."},
            M{8, 8, 56200, Mark::Unread, "Day trip to Sintra on the 27th? I will reserve the Pena Palace tickets tonight unless somebody objects."},
        }},
        {"tessera-1482", "Crash when opening attachments larger than 2 GB (#1482)", "Projects", 30.1, {0, 9, 10, 11}, {
            M{-1, 10, 0, 0, "Steps to reproduce:\n1. open any mbox archive larger than 2 GB\n2. click an attachment near the end\n\nExpected: the attachment opens. Actual: segfault in tessera_read_chunk. Version 0.9.3 on Debian 12."},
            M{0, 9, 120, 0, "Thanks for the report. Can you share a backtrace with debug symbols? The -dbgsym package should be enough."},
            M{1, 10, 600, 0, "Here it is:\n#0 tessera_read_chunk (ctx=0x5581, off=-2147483648) at chunk.c:88\n#1 tessera_open_part (part=0x55a0) at part.c:141\nThe offset looks suspicious."},
            M{2, 11, 900, 0, "The offset is a 32-bit int in chunk.c. I have a patch that switches it to off_t throughout the reader."},
            M{2, 0, 1000, 0, "Same crash here on 0.9.3 with a 3 GB archive, both on my laptop and on the build server."},
            M{3, 9, 2000, 0, "The patch looks right. Could you add a test with a sparse file so that CI does not need 2 GB of real data?"},
            M{5, 11, 3500, 0, "Added a sparse-file test; PR #1490 is green on all three platforms."},
            M{4, 9, 3600, 0, "Thanks for confirming. Which filesystem? APFS takes a different seek path than ext4."},
            M{7, 0, 4000, 0, "APFS on macOS 14 and ext4 on Debian 12. Both crash at the same offset."},
            M{6, 9, 6000, 0, "Merged. This will ship in 0.9.4, probably next week."},
            M{9, 10, 9000, 0, "Confirmed fixed on main with my 2.4 GB archive. Thanks everyone!"},
            M{10, 0, 9500, Mark::Complete, "Works here too, closing on my side. Thanks Alex and Carlos."},
        }},
        {"office-move", "Office move to the Harbor building", "Inbox", 55.4, {0, 15, 16, 2}, {
            M{-1, 15, 0, Mark::High, "Hello everyone,\n\nwe move to the Harbor building on the first of next month. Please pack your desks by Thursday; crates and labels will be delivered on Tuesday."},
            M{0, 2, 60, 0, "Can engineering keep the lab racks powered during the move? The CI runners live there."},
            M{0, 0, 75, 0, "Will we have assigned seats or hot desks in the new building?"},
            M{1, 15, 200, 0, "The racks move last, on Saturday morning. Expect about four hours of downtime."},
            M{2, 16, 300, 0, "Hot desks, with team neighbourhoods. The booking tool opens next week."},
            M{4, 0, 400, 0, "Thanks Nina. Is there a quiet room for focus work?"},
            M{5, 16, 600, 0, "Two phone booths and a library room on each floor, no booking needed."},
            M{3, 2, 700, 0, "Four hours is fine. I will announce the CI outage in the engineering channel."},
            M{0, 15, 2800, 0, "Reminder: the crates arrive tomorrow. Label everything with your name and floor."},
        }},
        // ---- shorter threads ----
        {"onboarding-review", "Design review: onboarding screens", "Projects", 12.2, {0, 4, 1}, {
            M{-1, 4, 0, 0, "New onboarding screens are in Figma. Main change: we ask for the server address only when autodiscovery fails."},
            M{0, 0, 180, 0, "Love it. Can the password field show the caps-lock warning?"},
            M{0, 1, 240, 0, "Looks good. Let's test it with five people from support before we commit."},
            M{1, 4, 600, 0, "Caps-lock warning added, see frame 14."},
        }},
        {"saturday-dinner", "Dinner on Saturday?", "Inbox", 3.1, {0, 17}, {
            M{-1, 17, 0, 0, "Hey! We are finally back from the mountains. Dinner on Saturday? We could try the new Georgian place."},
            M{0, 0, 45, 0, "Yes please! 7 pm? I will book a table for four."},
            M{1, 17, 120, 0, "7 works. Bring the photos from the lake, Kim wants to see them."},
            M{2, 0, 2600, 0, "Table booked under my name. See you there!"},
        }},
        {"lease-renewal", "Lease renewal for apartment 4B", "Inbox", 25.5, {0, 19}, {
            M{-1, 19, 0, Mark::Flagged, "Dear tenant,\n\nyour lease ends on the 30th of next month. Attached terms are unchanged except for a 2% rent adjustment. Please confirm by the 15th."},
            M{0, 0, 1400, 0, "Thank you. Could we sign for two years instead of one at the current rent?"},
            M{1, 19, 4000, 0, "A two-year lease at the current rent is fine. I will send the new contract next week."},
        }},
        {"harbor-order", "Your order HB-20931 has shipped", "Receipts", 8.3, {0, 12}, {
            M{-1, 12, 0, 0, "Good news! Your order HB-20931 (2 items: 'The Pragmatic Programmer', 'Designing Data-Intensive Applications') has shipped. Tracking number: 1Z999AA10123456784."},
            M{0, 12, 2900, 0, "Your order HB-20931 has been delivered. Enjoy your books!"},
        }},
        {"dentist", "Appointment reminder", "Inbox", 6.2, {0, 14}, {
            M{-1, 14, 0, 0, "This is a reminder of your appointment on Thursday at 9:30 with Dr. Patel. Reply to this email to reschedule."},
            M{0, 0, 300, 0, "Could we move it to Friday morning? Thursday does not work any more."},
            M{1, 14, 900, 0, "You are now booked for Friday at 10:15. See you then."},
        }},
        {"riverside-10k", "Riverside 10K: volunteers needed", "Inbox", 18.0, {0, 18, 17}, {
            M{-1, 18, 0, 0, "We need 25 volunteers for the water stations at the Riverside 10K. Shifts are two hours. Reply if you can help!"},
            M{0, 0, 500, 0, "Count me in for the early shift at kilometre 5."},
            M{1, 17, 700, 0, "I'll join you at kilometre 5, I'll bring the folding table."},
        }},
        {"launch-budget", "Budget for the launch event", "Projects", 10.4, {0, 3, 1}, {
            M{-1, 3, 0, 0, "The venue quote came in at 8,400 for the evening, catering not included. That is 1,400 over what we planned."},
            M{0, 1, 60, 0, "Can we drop the live band and use the in-house sound system instead?"},
            M{0, 0, 90, 0, "What if we move it to the rooftop at the office? Free venue, we only pay for catering."},
            M{2, 3, 400, 0, "The rooftop fits 120 people standing. That would work and saves the whole venue cost."},
            M{3, 1, 800, Mark::Flagged, "Rooftop it is. Priya, please cancel the venue hold before Friday."},
        }},
        {"retry-review", "Code review: sync engine retry logic", "Projects", 5.3, {0, 2, 5}, {
            M{-1, 2, 0, 0, "Please review the retry change: we now honour Retry-After on 503 and back off exponentially up to five minutes."},
            M{0, 0, 200, 0, "Looks good. One question: do we reset the back-off after a successful Sync or after any successful request?"},
            M{1, 2, 260, 0, "After any successful request. I will add a comment."},
            M{0, 5, 500, 0, "I ran it against the fault-injecting test server: 503 bursts and status 3 resets both recover cleanly."},
        }},
        {"offsite-ideas", "Team offsite ideas", "Inbox", 33.2, {0, 1, 2, 3, 4, 5}, {
            M{-1, 1, 0, 0, "We have budget for a two-day offsite in autumn. Ideas for places and activities welcome!"},
            M{0, 4, 100, 0, "A cabin in the Harz mountains? Hiking plus a workshop day."},
            M{0, 3, 160, 0, "Somewhere reachable by train, please, not everyone drives."},
            M{1, 0, 300, 0, "The Harz is two hours by train from here. +1 for hiking."},
            M{3, 2, 900, 0, "+1. I can organise a small hackathon for the second day."},
        }},
        {"mom-birthday", "Mom's birthday present", "Inbox", 28.0, {0, 7, 8}, {
            M{-1, 8, 0, 0, "Mom turns 65 next month! Shall we put together for something nice? I was thinking of a weekend in a spa hotel."},
            M{0, 7, 200, 0, "Great idea. We are in for a third."},
            M{0, 0, 300, 0, "Me too. I can make a photo book as a second, smaller surprise."},
            M{2, 8, 700, 0, "A photo book is perfect. Send me your favourite pictures by the 20th."},
        }},
        {"release-094", "Release notes for 0.9.4", "Projects", 2.2, {0, 9, 11}, {
            M{-1, 9, 0, 0, "Draft release notes for 0.9.4 are in the wiki. Highlights: the 2 GB attachment fix, faster mbox indexing and Danish translations."},
            M{0, 11, 100, 0, "Please mention the sparse-file test helper, other projects might want it."},
            M{0, 0, 140, Mark::Read, "Notes look good to me. Maybe add a line thanking Yuki for the detailed bug report."},
        }},
        {"weekly-status-23", "Weekly status: week 23", "Inbox", 9.1, {0, 1}, {
            M{-1, 1, 0, 0, "Status: timeline green, budget yellow (venue), hiring green. Risks: accessibility pass needs two more people."},
            M{0, 0, 400, 0, "Thanks. I volunteered for one accessibility slot; I will ask Tom for the other."},
        }},
        {"travel-policy", "Travel policy update", "Inbox", 21.0, {0, 16}, {
            M{-1, 16, 0, 0, "From next month, train is the default for trips under six hours. Please book through the new portal."},
            M{0, 0, 1000, 0, "Does this also apply to customer visits with a tight schedule?"},
        }},
        {"oncall-swap", "Can you cover my on-call shift?", "Inbox", 1.2, {0, 5}, {
            M{-1, 5, 0, Mark::High, "Could you cover my on-call shift this Sunday? My sister is getting married. I can take one of yours next month."},
            M{0, 0, 30, 0, "Sure, congratulations to your sister! I will take Sunday."},
            M{1, 5, 90, 0, "Thank you so much! I swapped it in the rota."},
        }},
        {"lake-photos", "Photos from the lake weekend", "Inbox", 45.0, {0, 17, 7}, {
            M{-1, 17, 0, 0, "Finally uploaded the photos from the lake, the album link is in the group chat. The sunset ones came out great."},
            M{0, 7, 400, 0, "The one with the canoe is going on our fridge."},
            M{0, 0, 600, 0, "Thanks for sharing! Can I use the group photo for the family calendar?"},
        }},
        {"qa-interviews", "Interview loop for the QA position", "Inbox", 14.1, {0, 16, 5}, {
            M{-1, 16, 0, 0, "We have three candidates for the QA position. Can you each take one technical interview next week?"},
            M{0, 5, 60, 0, "I can do Tuesday and Wednesday afternoon."},
            M{0, 0, 100, 0, "Thursday morning works for me."},
            M{1, 16, 500, Mark::Flagged, "Invites are out. Please submit your scorecards within 24 hours."},
        }},
        {"laptop-refresh", "Laptop refresh", "Inbox", 50.0, {0, 15}, {
            M{-1, 15, 0, 0, "Your laptop is due for replacement. Choose between the 14-inch and the 16-inch model by Friday."},
            M{0, 0, 200, 0, "The 14-inch please, with the US keyboard layout."},
        }},
        {"book-club", "Book club: next pick", "Inbox", 22.0, {0, 17, 8}, {
            M{-1, 17, 0, 0, "Next book club pick? I am torn between 'Piranesi' and 'The Remains of the Day'."},
            M{0, 8, 100, 0, "Piranesi! It is short and strange and wonderful."},
            M{0, 0, 130, 0, "I vote Piranesi too."},
            M{1, 17, 600, 0, "Piranesi it is. Meeting on the 12th at my place."},
        }},
        {"a11y-audit", "Accessibility audit findings", "Projects", 7.0, {0, 4, 5, 2}, {
            M{-1, 4, 0, 0, "The audit found 14 issues: mostly contrast in the conversation list and missing labels on the toolbar buttons."},
            M{0, 2, 100, 0, "The toolbar labels are a quick fix, I will take them."},
            M{0, 5, 150, 0, "I will add screen-reader checks for the conversation view to the regression plan."},
            M{1, 0, 300, 0, "Thanks. I will look at the contrast issues in the list delegate."},
        }},
        {"evans-invoice", "Invoice 2024-117 from Evans Properties", "Receipts", 35.0, {0, 19}, {
            M{-1, 19, 0, 0, "Please find invoice 2024-117 for the annual maintenance fee. Due within 30 days."},
            M{0, 0, 2000, 0, "Paid today by bank transfer, reference 2024-117."},
        }},
        {"podcast", "Podcast interview request", "Inbox", 16.0, {0, 3}, {
            M{-1, 3, 0, 0, "The 'Open Mail' podcast would like to interview someone about the conversation view. Interested?"},
            M{0, 0, 200, 0, "Happy to! Any date after the launch works for me."},
            M{1, 3, 1000, Mark::Flagged, "They proposed the 3rd at 4 pm. I will send the invite."},
        }},
        {"running-shoes", "Running shoes recommendation", "Inbox", 11.0, {0, 17}, {
            M{-1, 17, 0, 0, "Which shoes did you buy for the half marathon? Mine are falling apart."},
            M{0, 0, 100, 0, "The ones with the wide toe box from the shop by the river. Ask for Lea, she knows everything about gait."},
        }},
        {"kitchen-quotes", "Kitchen renovation quotes", "Inbox", 58.0, {0, 19}, {
            M{-1, 0, 0, 0, "Hello Mr. Evans, the kitchen tap has been leaking for a week. Could you send someone?"},
            M{0, 19, 300, 0, "A plumber will come on Monday between 8 and 12."},
            M{1, 0, 5000, 0, "Fixed, thank you. The plumber also checked the boiler."},
        }},
    };
    return list;
}

} // namespace skein::server::demo
