namespace Sozialplattform.Delivery;
