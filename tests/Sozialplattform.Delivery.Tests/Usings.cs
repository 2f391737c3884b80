namespace Sozialplattform.Delivery.Tests;
