// schemars marks numbers with formats ("double", "uint16" …) that JSON Schema
// does not define; their ranges are already expressed by minimum/maximum, so
// ajv is told the names and accepts any number for them.
module.exports = (ajv) => {
  for (const name of ['double', 'float', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64']) {
    ajv.addFormat(name, { type: 'number', validate: () => true });
  }
  return ajv;
};
