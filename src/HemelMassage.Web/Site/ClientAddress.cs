using System.Net;
using System.Net.Sockets;

namespace HemelMassage.Web.Site;

/// <summary>
/// The client as the limits count it: its address (the connection's, or the one a listed proxy forwarded),
/// and an IPv6 client by its /64, because one home or server is given a whole /64 and could otherwise take
/// a fresh address for every request.
/// </summary>
public static class ClientAddress
{
    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
