// Loaded before every test file: tests run in Asia/Taipei like the product.
process.env.TZ = 'Asia/Taipei';
