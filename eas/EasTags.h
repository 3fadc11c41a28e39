// Token constants of [MS-ASWBXML], one namespace per code page (from the tables in docs/protocol.md).
#pragma once

#include "WbxmlElement.h"

namespace skein::wbxml::tag {

namespace AirSync {
inline constexpr quint8 Page = 0;
inline constexpr Tag Sync{0, 0x05};
inline constexpr Tag Responses{0, 0x06};
inline constexpr Tag Add{0, 0x07};
inline constexpr Tag Change{0, 0x08};
inline constexpr Tag Delete{0, 0x09};
inline constexpr Tag Fetch{0, 0x0A};
inline constexpr Tag SyncKey{0, 0x0B};
inline constexpr Tag ClientId{0, 0x0C};
inline constexpr Tag ServerId{0, 0x0D};
inline constexpr Tag Status{0, 0x0E};
inline constexpr Tag Collection{0, 0x0F};
inline constexpr Tag Class{0, 0x10};
inline constexpr Tag Version{0, 0x11};
inline constexpr Tag CollectionId{0, 0x12};
inline constexpr Tag GetChanges{0, 0x13};
inline constexpr Tag MoreAvailable{0, 0x14};
inline constexpr Tag WindowSize{0, 0x15};
inline constexpr Tag Commands{0, 0x16};
inline constexpr Tag Options{0, 0x17};
inline constexpr Tag FilterType{0, 0x18};
inline constexpr Tag Truncation{0, 0x19};
inline constexpr Tag RTFTruncation{0, 0x1A};
inline constexpr Tag Conflict{0, 0x1B};
inline constexpr Tag Collections{0, 0x1C};
inline constexpr Tag ApplicationData{0, 0x1D};
inline constexpr Tag DeletesAsMoves{0, 0x1E};
inline constexpr Tag NotifyGUID{0, 0x1F};
inline constexpr Tag Supported{0, 0x20};
inline constexpr Tag SoftDelete{0, 0x21};
inline constexpr Tag MIMESupport{0, 0x22};
inline constexpr Tag MIMETruncation{0, 0x23};
inline constexpr Tag Wait{0, 0x24};
inline constexpr Tag Limit{0, 0x25};
inline constexpr Tag Partial{0, 0x26};
inline constexpr Tag ConversationMode{0, 0x27};
inline constexpr Tag MaxItems{0, 0x28};
inline constexpr Tag HeartbeatInterval{0, 0x29};
} // namespace AirSync

namespace Email {
inline constexpr quint8 Page = 2;
inline constexpr Tag Attachment{2, 0x05};
inline constexpr Tag Attachments{2, 0x06};
inline constexpr Tag AttName{2, 0x07};
inline constexpr Tag AttSize{2, 0x08};
inline constexpr Tag AttOid{2, 0x09};
inline constexpr Tag AttMethod{2, 0x0A};
inline constexpr Tag AttRemoved{2, 0x0B};
inline constexpr Tag Body{2, 0x0C};
inline constexpr Tag BodySize{2, 0x0D};
inline constexpr Tag BodyTruncated{2, 0x0E};
inline constexpr Tag DateReceived{2, 0x0F};
inline constexpr Tag DisplayName{2, 0x10};
inline constexpr Tag DisplayTo{2, 0x11};
inline constexpr Tag Importance{2, 0x12};
inline constexpr Tag MessageClass{2, 0x13};
inline constexpr Tag Subject{2, 0x14};
inline constexpr Tag Read{2, 0x15};
inline constexpr Tag To{2, 0x16};
inline constexpr Tag Cc{2, 0x17};
inline constexpr Tag From{2, 0x18};
inline constexpr Tag ReplyTo{2, 0x19};
inline constexpr Tag AllDayEvent{2, 0x1A};
inline constexpr Tag Categories{2, 0x1B};
inline constexpr Tag Category{2, 0x1C};
inline constexpr Tag DtStamp{2, 0x1D};
inline constexpr Tag EndTime{2, 0x1E};
inline constexpr Tag InstanceType{2, 0x1F};
inline constexpr Tag BusyStatus{2, 0x20};
inline constexpr Tag Location{2, 0x21};
inline constexpr Tag MeetingRequest{2, 0x22};
inline constexpr Tag Organizer{2, 0x23};
inline constexpr Tag RecurrenceId{2, 0x24};
inline constexpr Tag Reminder{2, 0x25};
inline constexpr Tag ResponseRequested{2, 0x26};
inline constexpr Tag Recurrences{2, 0x27};
inline constexpr Tag Recurrence{2, 0x28};
inline constexpr Tag RecurrenceType{2, 0x29};
inline constexpr Tag Until{2, 0x2A};
inline constexpr Tag Occurrences{2, 0x2B};
inline constexpr Tag Interval{2, 0x2C};
inline constexpr Tag DayOfWeek{2, 0x2D};
inline constexpr Tag DayOfMonth{2, 0x2E};
inline constexpr Tag WeekOfMonth{2, 0x2F};
inline constexpr Tag MonthOfYear{2, 0x30};
inline constexpr Tag StartTime{2, 0x31};
inline constexpr Tag Sensitivity{2, 0x32};
inline constexpr Tag TimeZone{2, 0x33};
inline constexpr Tag GlobalObjId{2, 0x34};
inline constexpr Tag ThreadTopic{2, 0x35};
inline constexpr Tag MIMEData{2, 0x36};
inline constexpr Tag MIMETruncated{2, 0x37};
inline constexpr Tag MIMESize{2, 0x38};
inline constexpr Tag InternetCPID{2, 0x39};
inline constexpr Tag Flag{2, 0x3A};
inline constexpr Tag FlagStatus{2, 0x3B};
inline constexpr Tag ContentClass{2, 0x3C};
inline constexpr Tag FlagType{2, 0x3D};
inline constexpr Tag CompleteTime{2, 0x3E};
inline constexpr Tag DisallowNewTimeProposal{2, 0x3F};
} // namespace Email

// The calendar items the reference server serves (12.0+: the body is airsyncbase:Body).
namespace Calendar {
inline constexpr quint8 Page = 4;
inline constexpr Tag TimeZone{4, 0x05};
inline constexpr Tag AllDayEvent{4, 0x06};
inline constexpr Tag BusyStatus{4, 0x0D};
inline constexpr Tag DtStamp{4, 0x11};
inline constexpr Tag EndTime{4, 0x12};
inline constexpr Tag Location{4, 0x17};
inline constexpr Tag MeetingStatus{4, 0x18};
inline constexpr Tag OrganizerEmail{4, 0x19};
inline constexpr Tag OrganizerName{4, 0x1A};
inline constexpr Tag Reminder{4, 0x24};
inline constexpr Tag Sensitivity{4, 0x25};
inline constexpr Tag Subject{4, 0x26};
inline constexpr Tag StartTime{4, 0x27};
inline constexpr Tag UID{4, 0x28};
} // namespace Calendar

namespace Tasks {
inline constexpr quint8 Page = 9;
inline constexpr Tag DateCompleted{9, 0x0B};
inline constexpr Tag DueDate{9, 0x0C};
inline constexpr Tag UtcDueDate{9, 0x0D};
inline constexpr Tag ReminderSet{9, 0x1B};
inline constexpr Tag ReminderTime{9, 0x1C};
inline constexpr Tag StartDate{9, 0x1E};
inline constexpr Tag UtcStartDate{9, 0x1F};
} // namespace Tasks

namespace Move {
inline constexpr quint8 Page = 5;
inline constexpr Tag MoveItems{5, 0x05};
inline constexpr Tag Move{5, 0x06};
inline constexpr Tag SrcMsgId{5, 0x07};
inline constexpr Tag SrcFldId{5, 0x08};
inline constexpr Tag DstFldId{5, 0x09};
inline constexpr Tag Response{5, 0x0A};
inline constexpr Tag Status{5, 0x0B};
inline constexpr Tag DstMsgId{5, 0x0C};
} // namespace Move

namespace GetItemEstimate {
inline constexpr quint8 Page = 6;
inline constexpr Tag GetItemEstimate{6, 0x05};
inline constexpr Tag Version{6, 0x06};
inline constexpr Tag Collections{6, 0x07};
inline constexpr Tag Collection{6, 0x08};
inline constexpr Tag Class{6, 0x09};
inline constexpr Tag CollectionId{6, 0x0A};
inline constexpr Tag DateTime{6, 0x0B};
inline constexpr Tag Estimate{6, 0x0C};
inline constexpr Tag Response{6, 0x0D};
inline constexpr Tag Status{6, 0x0E};
} // namespace GetItemEstimate

namespace FolderHierarchy {
inline constexpr quint8 Page = 7;
inline constexpr Tag Folders{7, 0x05};
inline constexpr Tag Folder{7, 0x06};
inline constexpr Tag DisplayName{7, 0x07};
inline constexpr Tag ServerId{7, 0x08};
inline constexpr Tag ParentId{7, 0x09};
inline constexpr Tag Type{7, 0x0A};
inline constexpr Tag Response{7, 0x0B};
inline constexpr Tag Status{7, 0x0C};
inline constexpr Tag ContentClass{7, 0x0D};
inline constexpr Tag Changes{7, 0x0E};
inline constexpr Tag Add{7, 0x0F};
inline constexpr Tag Delete{7, 0x10};
inline constexpr Tag Update{7, 0x11};
inline constexpr Tag SyncKey{7, 0x12};
inline constexpr Tag FolderCreate{7, 0x13};
inline constexpr Tag FolderDelete{7, 0x14};
inline constexpr Tag FolderUpdate{7, 0x15};
inline constexpr Tag FolderSync{7, 0x16};
inline constexpr Tag Count{7, 0x17};
inline constexpr Tag Version{7, 0x18};
} // namespace FolderHierarchy

namespace Ping {
inline constexpr quint8 Page = 13;
inline constexpr Tag Ping{13, 0x05};
inline constexpr Tag AutdState{13, 0x06};
inline constexpr Tag Status{13, 0x07};
inline constexpr Tag HeartbeatInterval{13, 0x08};
inline constexpr Tag Folders{13, 0x09};
inline constexpr Tag Folder{13, 0x0A};
inline constexpr Tag Id{13, 0x0B};
inline constexpr Tag Class{13, 0x0C};
inline constexpr Tag MaxFolders{13, 0x0D};
} // namespace Ping

namespace Provision {
inline constexpr quint8 Page = 14;
inline constexpr Tag Provision{14, 0x05};
inline constexpr Tag Policies{14, 0x06};
inline constexpr Tag Policy{14, 0x07};
inline constexpr Tag PolicyType{14, 0x08};
inline constexpr Tag PolicyKey{14, 0x09};
inline constexpr Tag Data{14, 0x0A};
inline constexpr Tag Status{14, 0x0B};
inline constexpr Tag RemoteWipe{14, 0x0C};
inline constexpr Tag EASProvisionDoc{14, 0x0D};
inline constexpr Tag DevicePasswordEnabled{14, 0x0E};
inline constexpr Tag AlphanumericDevicePasswordRequired{14, 0x0F};
inline constexpr Tag DeviceEncryptionEnabled{14, 0x10};
inline constexpr Tag PasswordRecoveryEnabled{14, 0x11};
inline constexpr Tag DocumentBrowseEnabled{14, 0x12};
inline constexpr Tag AttachmentsEnabled{14, 0x13};
inline constexpr Tag MinDevicePasswordLength{14, 0x14};
inline constexpr Tag MaxInactivityTimeDeviceLock{14, 0x15};
inline constexpr Tag MaxDevicePasswordFailedAttempts{14, 0x16};
inline constexpr Tag MaxAttachmentSize{14, 0x17};
inline constexpr Tag AllowSimpleDevicePassword{14, 0x18};
inline constexpr Tag DevicePasswordExpiration{14, 0x19};
inline constexpr Tag DevicePasswordHistory{14, 0x1A};
inline constexpr Tag AllowStorageCard{14, 0x1B};
inline constexpr Tag AllowCamera{14, 0x1C};
inline constexpr Tag RequireDeviceEncryption{14, 0x1D};
inline constexpr Tag AllowUnsignedApplications{14, 0x1E};
inline constexpr Tag AllowUnsignedInstallationPackages{14, 0x1F};
inline constexpr Tag MinDevicePasswordComplexCharacters{14, 0x20};
inline constexpr Tag AllowWiFi{14, 0x21};
inline constexpr Tag AllowTextMessaging{14, 0x22};
inline constexpr Tag AllowPOPIMAPEmail{14, 0x23};
inline constexpr Tag AllowBluetooth{14, 0x24};
inline constexpr Tag AllowIrDA{14, 0x25};
inline constexpr Tag RequireManualSyncWhenRoaming{14, 0x26};
inline constexpr Tag AllowDesktopSync{14, 0x27};
inline constexpr Tag MaxCalendarAgeFilter{14, 0x28};
inline constexpr Tag AllowHTMLEmail{14, 0x29};
inline constexpr Tag MaxEmailAgeFilter{14, 0x2A};
inline constexpr Tag MaxEmailBodyTruncationSize{14, 0x2B};
inline constexpr Tag MaxEmailHTMLBodyTruncationSize{14, 0x2C};
inline constexpr Tag RequireSignedSMIMEMessages{14, 0x2D};
inline constexpr Tag RequireEncryptedSMIMEMessages{14, 0x2E};
inline constexpr Tag RequireSignedSMIMEAlgorithm{14, 0x2F};
inline constexpr Tag RequireEncryptionSMIMEAlgorithm{14, 0x30};
inline constexpr Tag AllowSMIMEEncryptionAlgorithmNegotiation{14, 0x31};
inline constexpr Tag AllowSMIMESoftCerts{14, 0x32};
inline constexpr Tag AllowBrowser{14, 0x33};
inline constexpr Tag AllowConsumerEmail{14, 0x34};
inline constexpr Tag AllowRemoteDesktop{14, 0x35};
inline constexpr Tag AllowInternetSharing{14, 0x36};
inline constexpr Tag UnapprovedInROMApplicationList{14, 0x37};
inline constexpr Tag ApplicationName{14, 0x38};
inline constexpr Tag ApprovedApplicationList{14, 0x39};
inline constexpr Tag Hash{14, 0x3A};
} // namespace Provision

namespace Search {
inline constexpr quint8 Page = 15;
inline constexpr Tag Search{15, 0x05};
inline constexpr Tag Store{15, 0x07};
inline constexpr Tag Name{15, 0x08};
inline constexpr Tag Query{15, 0x09};
inline constexpr Tag Options{15, 0x0A};
inline constexpr Tag Range{15, 0x0B};
inline constexpr Tag Status{15, 0x0C};
inline constexpr Tag Response{15, 0x0D};
inline constexpr Tag Result{15, 0x0E};
inline constexpr Tag Properties{15, 0x0F};
inline constexpr Tag Total{15, 0x10};
inline constexpr Tag EqualTo{15, 0x11};
inline constexpr Tag Value{15, 0x12};
inline constexpr Tag And{15, 0x13};
inline constexpr Tag Or{15, 0x14};
inline constexpr Tag FreeText{15, 0x15};
inline constexpr Tag DeepTraversal{15, 0x17};
inline constexpr Tag LongId{15, 0x18};
inline constexpr Tag RebuildResults{15, 0x19};
inline constexpr Tag LessThan{15, 0x1A};
inline constexpr Tag GreaterThan{15, 0x1B};
inline constexpr Tag Schema{15, 0x1C};
inline constexpr Tag Supported{15, 0x1D};
inline constexpr Tag UserName{15, 0x1E};
inline constexpr Tag Password{15, 0x1F};
inline constexpr Tag ConversationId{15, 0x20};
inline constexpr Tag Picture{15, 0x21};
inline constexpr Tag MaxSize{15, 0x22};
inline constexpr Tag MaxPictures{15, 0x23};
} // namespace Search

namespace Gal {
inline constexpr quint8 Page = 16;
inline constexpr Tag DisplayName{16, 0x05};
inline constexpr Tag Phone{16, 0x06};
inline constexpr Tag Office{16, 0x07};
inline constexpr Tag Title{16, 0x08};
inline constexpr Tag Company{16, 0x09};
inline constexpr Tag Alias{16, 0x0A};
inline constexpr Tag FirstName{16, 0x0B};
inline constexpr Tag LastName{16, 0x0C};
inline constexpr Tag HomePhone{16, 0x0D};
inline constexpr Tag MobilePhone{16, 0x0E};
inline constexpr Tag EmailAddress{16, 0x0F};
} // namespace Gal

namespace AirSyncBase {
inline constexpr quint8 Page = 17;
inline constexpr Tag BodyPreference{17, 0x05};
inline constexpr Tag Type{17, 0x06};
inline constexpr Tag TruncationSize{17, 0x07};
inline constexpr Tag AllOrNone{17, 0x08};
inline constexpr Tag Body{17, 0x0A};
inline constexpr Tag Data{17, 0x0B};
inline constexpr Tag EstimatedDataSize{17, 0x0C};
inline constexpr Tag Truncated{17, 0x0D};
inline constexpr Tag Attachments{17, 0x0E};
inline constexpr Tag Attachment{17, 0x0F};
inline constexpr Tag DisplayName{17, 0x10};
inline constexpr Tag FileReference{17, 0x11};
inline constexpr Tag Method{17, 0x12};
inline constexpr Tag ContentId{17, 0x13};
inline constexpr Tag ContentLocation{17, 0x14};
inline constexpr Tag IsInline{17, 0x15};
inline constexpr Tag NativeBodyType{17, 0x16};
inline constexpr Tag ContentType{17, 0x17};
inline constexpr Tag Preview{17, 0x18};
inline constexpr Tag BodyPartPreference{17, 0x19};
inline constexpr Tag BodyPart{17, 0x1A};
inline constexpr Tag Status{17, 0x1B};
inline constexpr Tag Add{17, 0x1C};
inline constexpr Tag Delete{17, 0x1D};
inline constexpr Tag ClientId{17, 0x1E};
inline constexpr Tag Content{17, 0x1F};
inline constexpr Tag Location{17, 0x20};
inline constexpr Tag Annotation{17, 0x21};
inline constexpr Tag Street{17, 0x22};
inline constexpr Tag City{17, 0x23};
inline constexpr Tag State{17, 0x24};
inline constexpr Tag Country{17, 0x25};
inline constexpr Tag PostalCode{17, 0x26};
inline constexpr Tag Latitude{17, 0x27};
inline constexpr Tag Longitude{17, 0x28};
inline constexpr Tag Accuracy{17, 0x29};
inline constexpr Tag Altitude{17, 0x2A};
inline constexpr Tag AltitudeAccuracy{17, 0x2B};
inline constexpr Tag LocationUri{17, 0x2C};
inline constexpr Tag InstanceId{17, 0x2D};
} // namespace AirSyncBase

namespace Settings {
inline constexpr quint8 Page = 18;
inline constexpr Tag Settings{18, 0x05};
inline constexpr Tag Status{18, 0x06};
inline constexpr Tag Get{18, 0x07};
inline constexpr Tag Set{18, 0x08};
inline constexpr Tag Oof{18, 0x09};
inline constexpr Tag OofState{18, 0x0A};
inline constexpr Tag StartTime{18, 0x0B};
inline constexpr Tag EndTime{18, 0x0C};
inline constexpr Tag OofMessage{18, 0x0D};
inline constexpr Tag AppliesToInternal{18, 0x0E};
inline constexpr Tag AppliesToExternalKnown{18, 0x0F};
inline constexpr Tag AppliesToExternalUnknown{18, 0x10};
inline constexpr Tag Enabled{18, 0x11};
inline constexpr Tag ReplyMessage{18, 0x12};
inline constexpr Tag BodyType{18, 0x13};
inline constexpr Tag DevicePassword{18, 0x14};
inline constexpr Tag Password{18, 0x15};
inline constexpr Tag DeviceInformation{18, 0x16};
inline constexpr Tag Model{18, 0x17};
inline constexpr Tag IMEI{18, 0x18};
inline constexpr Tag FriendlyName{18, 0x19};
inline constexpr Tag OS{18, 0x1A};
inline constexpr Tag OSLanguage{18, 0x1B};
inline constexpr Tag PhoneNumber{18, 0x1C};
inline constexpr Tag UserInformation{18, 0x1D};
inline constexpr Tag EmailAddresses{18, 0x1E};
inline constexpr Tag SmtpAddress{18, 0x1F};
inline constexpr Tag UserAgent{18, 0x20};
inline constexpr Tag EnableOutboundSMS{18, 0x21};
inline constexpr Tag MobileOperator{18, 0x22};
inline constexpr Tag PrimarySmtpAddress{18, 0x23};
inline constexpr Tag Accounts{18, 0x24};
inline constexpr Tag Account{18, 0x25};
inline constexpr Tag AccountId{18, 0x26};
inline constexpr Tag AccountName{18, 0x27};
inline constexpr Tag UserDisplayName{18, 0x28};
inline constexpr Tag SendDisabled{18, 0x29};
inline constexpr Tag RightsManagementInformation{18, 0x2B};
} // namespace Settings

namespace ItemOperations {
inline constexpr quint8 Page = 20;
inline constexpr Tag ItemOperations{20, 0x05};
inline constexpr Tag Fetch{20, 0x06};
inline constexpr Tag Store{20, 0x07};
inline constexpr Tag Options{20, 0x08};
inline constexpr Tag Range{20, 0x09};
inline constexpr Tag Total{20, 0x0A};
inline constexpr Tag Properties{20, 0x0B};
inline constexpr Tag Data{20, 0x0C};
inline constexpr Tag Status{20, 0x0D};
inline constexpr Tag Response{20, 0x0E};
inline constexpr Tag Version{20, 0x0F};
inline constexpr Tag Schema{20, 0x10};
inline constexpr Tag Part{20, 0x11};
inline constexpr Tag EmptyFolderContents{20, 0x12};
inline constexpr Tag DeleteSubFolders{20, 0x13};
inline constexpr Tag UserName{20, 0x14};
inline constexpr Tag Password{20, 0x15};
inline constexpr Tag Move{20, 0x16};
inline constexpr Tag DstFldId{20, 0x17};
inline constexpr Tag ConversationId{20, 0x18};
inline constexpr Tag MoveAlways{20, 0x19};
} // namespace ItemOperations

namespace ComposeMail {
inline constexpr quint8 Page = 21;
inline constexpr Tag SendMail{21, 0x05};
inline constexpr Tag SmartForward{21, 0x06};
inline constexpr Tag SmartReply{21, 0x07};
inline constexpr Tag SaveInSentItems{21, 0x08};
inline constexpr Tag ReplaceMime{21, 0x09};
inline constexpr Tag Source{21, 0x0B};
inline constexpr Tag FolderId{21, 0x0C};
inline constexpr Tag ItemId{21, 0x0D};
inline constexpr Tag LongId{21, 0x0E};
inline constexpr Tag InstanceId{21, 0x0F};
inline constexpr Tag Mime{21, 0x10};
inline constexpr Tag ClientId{21, 0x11};
inline constexpr Tag Status{21, 0x12};
inline constexpr Tag AccountId{21, 0x13};
inline constexpr Tag Forwardees{21, 0x15};
inline constexpr Tag Forwardee{21, 0x16};
inline constexpr Tag ForwardeeName{21, 0x17};
inline constexpr Tag ForwardeeEmail{21, 0x18};
} // namespace ComposeMail

namespace Email2 {
inline constexpr quint8 Page = 22;
inline constexpr Tag UmCallerID{22, 0x05};
inline constexpr Tag UmUserNotes{22, 0x06};
inline constexpr Tag UmAttDuration{22, 0x07};
inline constexpr Tag UmAttOrder{22, 0x08};
inline constexpr Tag ConversationId{22, 0x09};
inline constexpr Tag ConversationIndex{22, 0x0A};
inline constexpr Tag LastVerbExecuted{22, 0x0B};
inline constexpr Tag LastVerbExecutionTime{22, 0x0C};
inline constexpr Tag ReceivedAsBcc{22, 0x0D};
inline constexpr Tag Sender{22, 0x0E};
inline constexpr Tag CalendarType{22, 0x0F};
inline constexpr Tag IsLeapMonth{22, 0x10};
inline constexpr Tag AccountId{22, 0x11};
inline constexpr Tag FirstDayOfWeek{22, 0x12};
inline constexpr Tag MeetingMessageType{22, 0x13};
inline constexpr Tag IsDraft{22, 0x15};
inline constexpr Tag Bcc{22, 0x16};
inline constexpr Tag Send{22, 0x17};
} // namespace Email2

} // namespace skein::wbxml::tag
