namespace Sozialplattform.Storage;
