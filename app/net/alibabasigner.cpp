#include "alibabasigner.h"
