using Sozialplattform.Storage.Crypto.Rotation;

namespace Sozialplattform.Appointments.Storage;

/// <summary>The appointment booking's columns under the data key: what the person booking entered, bound to the booking.</summary>
public static class AppointmentsEncryptedColumns
{
    public static AreaColumns Columns { get; } = new(
        [
            EncryptedColumn.OwnedById("appointments", "appointment_bookings", "NameCipher"),
            EncryptedColumn.OwnedById("appointments", "appointment_bookings", "EmailCipher"),
            EncryptedColumn.OwnedById("appointments", "appointment_bookings", "PhoneCipher"),
            EncryptedColumn.OwnedById("appointments", "appointment_bookings", "ConcernCipher"),
        ],
        new Dictionary<string, string>());
}
