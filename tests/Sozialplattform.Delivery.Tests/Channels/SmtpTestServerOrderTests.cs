using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Delivery.Tests.Channels;

/// <summary>The test SMTP server hands mails back in the order they arrived, which their file names do not give.</summary>
public sealed class SmtpTestServerOrderTests
{
    [Fact]
    public void Mails_of_one_second_come_back_in_arrival_order_although_their_names_sort_the_other_way_as_text()
    {
        string[] names = ["1765000000.M123456P77Q2.host", "1765000000.M50000P77Q1.host", "1765000001.M9P77Q10.host"];
        names.Order(StringComparer.Ordinal).First().ShouldBe("1765000000.M123456P77Q2.host"); // what sorting by name did
        names.OrderBy(SmtpTestServer.ArrivalNumber).ShouldBe(["1765000000.M50000P77Q1.host", "1765000000.M123456P77Q2.host", "1765000001.M9P77Q10.host"]);
    }

    [Fact]
    public void A_file_that_is_not_named_by_pythons_maildir_is_refused_by_name()
    {
        Should.Throw<InvalidOperationException>(() => SmtpTestServer.ArrivalNumber("/tmp/mail/new/notes.txt")).Message.ShouldContain("notes.txt");
    }
}
